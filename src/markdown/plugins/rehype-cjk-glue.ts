import type {ElementContent, Root} from 'hast';
import {SKIP, visit} from 'unist-util-visit';
import {gluePieces} from '../../typography/glue.js';

const CODE = new Set(['code', 'pre', 'kbd', 'samp', 'svg', 'math']);

/** Wrap runs that must not break (see {@link gluePieces}) in `span.nobr` (`white-space: nowrap`). */
export default function rehypeCjkGlue() {
  return (tree: Root): void => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'element' && (CODE.has(node.tagName) || (node.properties.className as string[] | undefined)?.includes('nobr'))) return SKIP;
      if (node.type !== 'text' || !parent || index === undefined) return undefined;
      const pieces = gluePieces(node.value);
      if (pieces.every((p) => !p.glue)) return undefined;
      const replacement: ElementContent[] = pieces.map((p) =>
        p.glue ? {type: 'element', tagName: 'span', properties: {className: ['nobr']}, children: [{type: 'text', value: p.text}]} : {type: 'text', value: p.text},
      );
      parent.children.splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    });
  };
}
