import {breakBefore, opens} from './breaks.js';
import type {Along} from './geometry.js';
import type {Piece} from './pieces.js';

/** A page of the body: its pieces (`first` to `last`), where it begins, how it opens, the notes it sets. */
export type Page = {first: number; last: number; start: number; target?: HTMLElement | 'split'; notes: string[]};

/** Room kept between the body and the notes of a page. */
const SAFETY_GAP = 4;

/**
 * Fill the pages greedily: a piece fits while its end, a small gap and the page's notes
 * (`notesWidth`) fit in `room`; where one does not, the break moves back as
 * {@link breakBefore} says.
 */
export function fillPages(pieces: Piece[], room: number, notesWidth: (ids: Iterable<string>) => number, at: Along): Page[] {
  const pages: Page[] = [];
  let page: Page = {first: 0, last: -1, start: 0, notes: []};
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k]!;
    if (piece.forced && page.last >= page.first) {
      pages.push(page);
      const {start, target} = opens(pieces, k, at);
      page = {first: k, last: k - 1, start, target, notes: []};
    }
    const notesHere = [...page.notes, ...piece.notes];
    const noteRoom = notesWidth(notesHere);
    const end = noteRoom > 0 ? piece.after + SAFETY_GAP : piece.end;
    if (page.last >= page.first && end - page.start + noteRoom > room) {
      const next = breakBefore(pieces, page.first, k);
      page.last = next - 1;
      page.notes = pieces.slice(page.first, next).flatMap((p) => p.notes);
      pages.push(page);
      const {start, target} = opens(pieces, next, at);
      page = {first: next, last: next - 1, start, target, notes: []};
      k = next - 1;
      continue;
    }
    page.last = k;
    page.notes = notesHere;
  }
  pages.push(page);
  return pages;
}
