/**
 * The pages made real: the body cut where each page begins (a forced break before its first
 * box) and each page's notes set at its end, from the last page back, so that what is
 * measured before each cut has not moved yet.
 */
import {cutBlock} from '../cut-block.js';
import {INVISIBLE} from '../lines/chars.js';
import type {Page} from './fill.js';
import {type Along, circled, FORCED} from './geometry.js';
import {notesBlock} from './note-widths.js';
import {noteOf, type Piece} from './pieces.js';

/** What the notes are set with: the calls and notes, the room of a page, the extent of the body's columns. */
export interface NoteSetting {
  calls: HTMLAnchorElement[];
  notes: Map<string, HTMLElement>;
  room: number;
  at: Along;
  columnTop: number;
  columnBottom: number;
}

/** Cut the body into `pages` and set their notes; returns how many notes were placed, and the first page whose notes did not fit. */
export function setPages(pages: Page[], pieces: Piece[], setting: NoteSetting): {placed: number; problem?: string} {
  let problem: string | undefined;
  let placed = 0;
  for (let p = pages.length - 1; p >= 0; p--) {
    const next = pages[p + 1];
    let target: HTMLElement | undefined;
    if (next) {
      target = next.target === 'split' ? cutAtColumn(pieces, pieces[next.first]!, setting.at) : next.target;
      if (target && !FORCED.test(getComputedStyle(target).breakBefore)) target.style.breakBefore = 'page';
    }
    const here = pages[p]!;
    if (here.notes.length === 0) continue;
    const overflows = setNotes(here, target, setting);
    if (overflows && !problem) problem = `正文第 ${p + 1} 页的注释太长，与正文放不下`;
    placed += here.notes.length;
  }
  return {placed, problem};
}

/** Cut the block of a column piece before its first character (the first whose centre is past the previous column's); returns the part cut off. */
function cutAtColumn(pieces: Piece[], piece: Piece, at: Along): HTMLElement {
  const element = piece.element;
  const range = document.createRange();
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const chars: Array<[Text, number]> = [];
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (node.parentElement?.closest('rt, rp')) continue;
    let offset = 0;
    for (const char of node.data) {
      if (!INVISIBLE.test(char)) chars.push([node, offset]);
      offset += char.length;
    }
  }
  const centreOf = ([node, offset]: [Text, number]) => {
    range.setStart(node, offset);
    range.setEnd(node, offset + (node.data.codePointAt(offset)! > 0xffff ? 2 : 1));
    const rect = [...range.getClientRects()].find((r) => r.width > 0);
    return rect ? at((rect.left + rect.right) / 2) : -Infinity;
  };
  const previous = (piece.centre + pieces[pieces.indexOf(piece) - 1]!.centre) / 2;
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (centreOf(chars[mid]!) > previous) hi = mid;
    else lo = mid + 1;
  }
  const [node, offset] = chars[lo]!;
  return cutBlock(element, node, offset);
}

/** Number the notes of page `here` and set them in a block before `target` (the next page's first box; none: the body's end); true if they do not fit beside the page's body. */
function setNotes(here: Page, target: HTMLElement | undefined, {calls, notes, room, at, columnTop, columnBottom}: NoteSetting): boolean {
  here.notes.forEach((id, i) => {
    notes.get(id)!.querySelector('.note-number')!.textContent = circled(i + 1);
    for (const call of calls) if (noteOf(call) === id) call.textContent = circled(i + 1);
  });
  const block = notesBlock(here.notes.map((id) => notes.get(id)!));
  if (target) target.before(block);
  else document.body.append(block);
  // Between two articles (`page: body`), an unnamed block would open a page of its own: it
  // takes the page of the box before it (hidden elements, the piece's link list, have none).
  let previous = block.previousElementSibling;
  while (previous && getComputedStyle(previous).display === 'none') previous = previous.previousElementSibling;
  if (previous) block.style.setProperty('page', getComputedStyle(previous).getPropertyValue('page'));
  // Set in a quotation or a list, the notes still run the body's full column.
  const box = block.getBoundingClientRect();
  block.style.marginTop = `${columnTop - box.top}px`;
  block.style.marginBottom = `${box.bottom - columnBottom}px`;
  const placedAt = at(block.getBoundingClientRect().right);
  const width = block.getBoundingClientRect().width;
  const flush = here.start + room - width;
  block.style.paddingBlockStart = `${Math.max(0, flush - placedAt)}px`;
  return flush < placedAt - 0.5;
}
