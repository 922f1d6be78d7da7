/**
 * A book laid out in pieces, each from a recto: which sections must begin on a recto, and where
 * blank pages bring them there.
 */
import {type LoadOptions, ParseSpeeds} from 'pdf-lib';
import type {Book} from '../../model/book.js';

/**
 * How pieces are read: at once, not a hundred objects per turn of the event loop (pdf-lib's
 * default), which costs a second on a long book.
 */
export const FAST: LoadOptions = {parseSpeed: ParseSpeeds.Fastest, updateMetadata: false};

/** Ids that must begin on a recto: parts, the first article after each part page, and with `recto` every article. */
export function rectoStarts(book: Book): string[] {
  const ids: string[] = [];
  const everyArticle = book.meta.articleStart === 'recto';
  if (everyArticle) ids.push(...book.front.map((a) => a.id));
  for (const part of book.parts) {
    ids.push(part.id);
    ids.push(...(everyArticle ? part.articles : part.articles.slice(0, 1)).map((a) => a.id));
  }
  return ids;
}

/**
 * Where to insert blank pages (0-based indices in the unpadded document, before which one
 * blank goes) so that each page in `starts` (in order) lands on a recto: an even index, as
 * page 1 is a recto. Each start already begins a page, so a blank shifts only what follows.
 */
export function blanksFor(starts: number[]): number[] {
  const blanks: number[] = [];
  for (const start of starts) {
    if ((start + blanks.length) % 2 === 1) blanks.push(start);
  }
  return blanks;
}

/** The sections before which the blank pages of {@link blanksFor} go: the first of `ids` opening on each page of `blanks`. */
export function blankSections(ids: string[], starts: Map<string, number>, blanks: number[]): string[] {
  return blanks.map((at) => ids.find((id) => starts.get(id) === at)!);
}
