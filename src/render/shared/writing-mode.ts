/**
 * What a book's writing mode decides, answered in one place: every writer and output asks
 * here instead of comparing `writingMode` with 'vertical' itself.
 */
import type {Root} from 'hast';
import type {BookMeta} from '../../model/book.js';
import {verticalize} from '../../typography/vertical.js';

/** The answers for one writing mode. */
export interface WritingMode {
  /** The class every document of the book carries on `<html>`: the templates' `.mode-vertical` rules key on it. */
  htmlClass: string;
  /** The spine's side: a vertical book opens to the right (pages turn right to left). */
  binding: 'left' | 'right';
  /** The order pages are read in: the PDF's /Direction, the EPUB's page-progression-direction. */
  direction: 'ltr' | 'rtl';
  /**
   * The PDF engine: Paged.js for horizontal books; Chromium's own print for vertical ones,
   * which keeps every character of vertical-rl text (Paged.js loses 16–23 % of it).
   */
  engine: 'paged' | 'native';
  /** The EPUB's `primary-writing-mode`, where it is not the reading systems' default. */
  epubWritingMode?: 'vertical-rl';
  /** Fit a rendered tree's text to the mode, in place: vertical quotes and upright runs (rules 4, 11), or nothing. */
  setText(tree: Root): void;
}

const MODES: Record<BookMeta['writingMode'], WritingMode> = {
  horizontal: {htmlClass: 'mode-horizontal', binding: 'left', direction: 'ltr', engine: 'paged', setText: () => undefined},
  vertical: {
    htmlClass: 'mode-vertical',
    binding: 'right',
    direction: 'rtl',
    engine: 'native',
    epubWritingMode: 'vertical-rl',
    setText: verticalize,
  },
};

/** The answers for a book's writing mode. */
export function writingModeOf(meta: Pick<BookMeta, 'writingMode'>): WritingMode {
  return MODES[meta.writingMode];
}
