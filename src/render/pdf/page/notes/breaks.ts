/**
 * Where each page may begin. A break before the first column of a block goes before the
 * outermost box that starts with it; a break inside a block splits it there. A heading stays
 * with what follows it; a block's orphans and widows are kept.
 */
import {type Along, inFlow, px} from './geometry.js';
import type {Piece} from './pieces.js';

/** How a page opens: where along the block axis, and before which box (or inside a block, `split`). */
export interface PageOpening {
  start: number;
  target: HTMLElement | 'split';
}

function firstInFlow(element: HTMLElement): boolean {
  for (let sibling = element.previousElementSibling; sibling; sibling = sibling.previousElementSibling) if (inFlow(sibling)) return false;
  return true;
}

/** The outermost box (below the body) that starts with `element`. */
function outermost(element: HTMLElement): HTMLElement {
  let box = element;
  while (box.parentElement && box.parentElement !== document.body && firstInFlow(box)) box = box.parentElement;
  return box;
}

/** Where a page that opens with `box` begins: its start margin is kept after a forced break (also what collapses into it). */
function pageStartAt(box: HTMLElement, at: Along): number {
  let margin = 0;
  let inner: Element | null = box;
  const top = box.getBoundingClientRect().right;
  while (inner instanceof HTMLElement) {
    const style = getComputedStyle(inner);
    if (Math.abs(inner.getBoundingClientRect().right - top) > 0.5) break;
    margin = Math.max(margin, px(style.marginRight));
    if (px(style.borderRightWidth) + px(style.paddingRight) > 0) break;
    inner = [...inner.children].find((child) => inFlow(child)) ?? null;
  }
  return at(top) - margin;
}

/** How the page that opens with piece `index` opens. */
export function opens(pieces: Piece[], index: number, at: Along): PageOpening {
  const piece = pieces[index]!;
  if (piece.forced) return {start: pageStartAt(piece.forced, at), target: piece.forced};
  if (piece.column > 0) return {start: piece.start, target: 'split'};
  const box = outermost(piece.element);
  return {start: pageStartAt(box, at), target: box};
}

const unsplittable = (element: HTMLElement) => /^H[1-6]$/.test(element.tagName) || getComputedStyle(element).breakInside.startsWith('avoid');

/** The piece to open the next page with, when piece `k` does not fit on the page opened by `first`. */
export function breakBefore(pieces: Piece[], first: number, k: number): number {
  let c = k;
  for (let guard = 0; guard < 50; guard++) {
    const piece = pieces[c]!;
    const style = getComputedStyle(piece.element);
    let moved = c;
    if (piece.column > 0) {
      const orphans = Math.max(1, px(style.orphans));
      const widows = Math.max(1, px(style.widows));
      const head = c - piece.column;
      if (unsplittable(piece.element)) moved = head;
      else if (piece.columns - piece.column < widows) moved = Math.max(head, head + piece.columns - widows);
      if (moved - head > 0 && moved - head < orphans) moved = head;
    }
    // A heading stays with what follows it.
    const before = pieces[moved - 1];
    const keep = before?.closes.find((box) => getComputedStyle(box).breakAfter === 'avoid');
    if (keep && moved > first) {
      moved = pieces.findIndex((p) => p.element === keep || keep.contains(p.element));
    }
    if (moved <= first) return k > first ? k : first + 1;
    if (moved === c) return c;
    c = moved;
  }
  return k;
}
