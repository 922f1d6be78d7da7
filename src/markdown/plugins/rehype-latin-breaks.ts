import type {Element, ElementContent, Root} from 'hast';
import {SKIP, visit} from 'unist-util-visit';
import {latinBreaks} from '../../typography/latin-breaks.js';

/** Elements whose text must not get break points: preformatted code, drawings, glued runs. */
const KEEP = new Set(['pre', 'svg', 'math', 'script', 'style']);

/**
 * Put `<wbr>` where a long Latin run may break (see {@link latinBreaks}), in prose, links and
 * inline code alike: a path or URL then wraps like a typesetter would wrap it, instead of
 * leaving the line before it stretched letter by letter (issue 9 defect 4).
 */
export default function rehypeLatinBreaks() {
  return (tree: Root): void => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'element' && (KEEP.has(node.tagName) || (node.properties.className as string[] | undefined)?.includes('nobr'))) return SKIP;
      if (node.type !== 'text' || !parent || index === undefined) return undefined;
      const breaks = latinBreaks(node.value);
      if (breaks.length === 0) return undefined;
      const pieces: ElementContent[] = [];
      let last = 0;
      for (const at of [...breaks, node.value.length]) {
        if (pieces.length > 0) pieces.push({type: 'element', tagName: 'wbr', properties: {}, children: []} satisfies Element);
        pieces.push({type: 'text', value: node.value.slice(last, at)});
        last = at;
      }
      parent.children.splice(index, 1, ...pieces);
      return [SKIP, index + pieces.length];
    });
  };
}
