import type {Book} from '../../model/book.js';
import type {PdfEngine} from './engine.js';
import {nativeEngine} from './native/engine.js';
import {pagedEngine} from './paged/engine.js';
import {writingModeOf} from '../shared/writing-mode.js';

const ENGINES: Record<'paged' | 'native', PdfEngine> = {paged: pagedEngine, native: nativeEngine};

/**
 * The engine of a book: Paged.js for horizontal books (running heads from string-set, notes
 * at the page foot); Chromium's own pagination for vertical ones, which keeps every character
 * of vertical-rl text (Paged.js loses 16–23 % of it).
 */
export function engineFor(book: Book): PdfEngine {
  return ENGINES[writingModeOf(book.meta).engine];
}
