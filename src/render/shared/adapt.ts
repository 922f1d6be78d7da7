import type {Root} from 'hast';
import {replaceTexts} from '../../markdown/replace-texts.js';
import type {BookMeta} from '../../model/book.js';
import {spacedPieces} from '../../typography/markup-spacing.js';
import {writingModeOf} from './writing-mode.js';

/**
 * Fit a rendered tree to the book, in place: vertical quotes and upright runs in a vertical
 * book, and with `spacing: 'markup'` rules 5 and 8 as markup for readers without Chromium's
 * CSS. Every writer calls it on what it renders. (Text is already in the book's script: the
 * model is converted once, labels come from labels.ts, drawings when they are read.)
 */
export function adaptTree(meta: BookMeta, tree: Root, spacing: 'css' | 'markup'): void {
  writingModeOf(meta).setText(tree);
  if (spacing === 'markup') spaceWithMarkup(tree);
}

const UNSPACED = new Set(['code', 'pre', 'kbd', 'samp', 'svg', 'math', 'rt', 'rp']);

/**
 * Han–Latin gaps and punctuation squeeze as spans (see {@link spacedPieces}), for readers
 * without the CSS that Chromium's print uses. CSS gives the classes their widths.
 */
export function spaceWithMarkup(tree: Root): void {
  replaceTexts(
    tree,
    (element) => UNSPACED.has(element.tagName),
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
}
