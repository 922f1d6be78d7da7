import type {ElementContent, Root} from 'hast';
import {SKIP, visit} from 'unist-util-visit';
import {spacedPieces} from '../../typography/markup-spacing.js';

const SKIPPED = new Set(['code', 'pre', 'kbd', 'samp', 'svg', 'math', 'rt', 'rp']);

/**
 * Han–Latin gaps and punctuation squeeze as spans (see {@link spacedPieces}), for readers
 * without the CSS that Chromium's print uses. CSS gives the classes their widths.
 */
export default function rehypeCjkMarkupSpacing() {
  return (tree: Root): void => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'element' && SKIPPED.has(node.tagName)) return SKIP;
      if (node.type !== 'text' || !parent || index === undefined) return undefined;
      const pieces = spacedPieces(node.value);
      if (pieces.every((p) => !p.className)) return undefined;
      const replacement: ElementContent[] = pieces.map((p) =>
        p.className ? {type: 'element', tagName: 'span', properties: {className: [p.className]}, children: [{type: 'text', value: p.text}]} : {type: 'text', value: p.text},
      );
      parent.children.splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    });
  };
}
