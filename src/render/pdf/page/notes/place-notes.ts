/**
 * Notes on the page of their call, for vertical books: Chromium's own print has no
 * `float: footnote`, so the body's page breaks are decided here, from the screen layout
 * (which prints exactly where the screen put it), with room at the end (left edge) of each
 * page for the notes called on it, and each break forced (docs/vertical-pagination.md).
 *
 * The print document comes with each article's notes gathered at its end; the pass takes
 * them from there, so without it (or if it fails) the book keeps its end notes.
 */
import {bodyPieces} from './pieces.js';
import {fillPages} from './fill.js';
import {columnExtent} from './geometry.js';
import {noteWidths, takeNotes} from './note-widths.js';
import {setPages} from './set-pages.js';

/** What the pass did: the pages it cut the body into and the notes it placed, or why it gave up. */
export interface NotePlan {
  pages: number;
  notes: number;
  /** The ids of the notes placed. */
  ids: string[];
  problem?: string;
}

/**
 * Cut the body into pages of `room` px (the text area's width less a safety margin) with the
 * notes of each page at its end, for a document laid out with columns `inline` px long. Runs
 * after the line pass.
 */
export function placeNotes({room, inline}: {room: number; inline: number}): NotePlan {
  const calls = [...document.querySelectorAll<HTMLAnchorElement>('a.note-call')];
  if (calls.length === 0) return {pages: 0, notes: 0, ids: []};

  const root = document.documentElement;
  const savedHeight = root.style.height;
  root.style.height = `${inline}px`;
  const origin = root.getBoundingClientRect().right;
  const at = (x: number) => origin - x;

  const notes = takeNotes();
  const {columnTop, columnBottom} = columnExtent();
  const notesWidth = noteWidths(notes, {columnTop, columnBottom});
  const pieces = bodyPieces(calls, notes, at);
  if (pieces.length === 0) return {pages: 0, notes: 0, ids: [], problem: '正文没有可分页的内容'};
  const pages = fillPages(pieces, room, notesWidth, at);
  const {placed, problem} = setPages(pages, pieces, {calls, notes, room, at, columnTop, columnBottom});
  // A note no page took (its call is where no page could find it) would be lost.
  const lost = placed < notes.size && !problem ? `${notes.size - placed} 条注释找不到所在的页` : problem;
  root.style.height = savedHeight;
  return {pages: pages.length, notes: placed, ids: pages.flatMap((p) => p.notes), problem: lost};
}
