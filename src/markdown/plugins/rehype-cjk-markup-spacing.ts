import type {Root} from 'hast';
import {spacedPieces} from '../../typography/markup-spacing.js';
import {replaceTexts} from '../replace-texts.js';

const SKIPPED = new Set(['code', 'pre', 'kbd', 'samp', 'svg', 'math', 'rt', 'rp']);

/**
 * Han–Latin gaps and punctuation squeeze as spans (see {@link spacedPieces}), for readers
 * without the CSS that Chromium's print uses. CSS gives the classes their widths.
 */
export default function rehypeCjkMarkupSpacing() {
  return (tree: Root): void => {
    replaceTexts(
      tree,
      (element) => SKIPPED.has(element.tagName),
      (value) => {
        const pieces = spacedPieces(value);
        if (pieces.every((p) => !p.className)) return undefined;
        return pieces.map((p) =>
          p.className
            ? {type: 'element', tagName: 'span', properties: {className: [p.className]}, children: [{type: 'text', value: p.text}]}
            : {type: 'text', value: p.text},
        );
      },
    );
  };
}
