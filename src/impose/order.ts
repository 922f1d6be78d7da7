/**
 * Saddle-stitch imposition (docs/print.md). Pages are numbered from 1; 0 stands for a blank.
 *
 * P = the page count padded to a multiple of 4, the blanks going before the back cover (the
 * last page stays last). Sheet i (from the outside, 0-based) of a left-bound signature of P
 * pages carries on its front [P−2i | 2i+1] and on its back [2i+2 | P−2i−1]; a right-bound
 * (vertical, 竖排右翻) booklet swaps the halves. With signatures of s pages, each signature is
 * imposed on its own, offset by k·s, and the signatures are stacked.
 */

/** One side of a sheet: the page on its left half and the page on its right half (0 = blank). */
type Side = [left: number, right: number];

/** A printed sheet: front, then back. */
export interface Sheet {
  front: Side;
  back: Side;
}

export interface ImposeOptions {
  binding: 'left' | 'right';
  /** Pages per signature, a multiple of 4; default: all pages in one signature. */
  signature?: number;
}

/** Reading order of the padded booklet: the book's pages, blanks (0) before the back cover. */
export function paddedPages(pageCount: number): number[] {
  if (!Number.isInteger(pageCount) || pageCount < 1) throw new RangeError(`a booklet needs at least one page, not ${pageCount}`);
  const padded = Math.ceil(pageCount / 4) * 4;
  const pages = Array.from({length: pageCount}, (_, i) => i + 1);
  if (pageCount === 1) return [1, 0, 0, 0];
  const back = pages.pop()!;
  return [...pages, ...Array<number>(padded - pageCount).fill(0), back];
}

/** The sheets, in printing order, for a book of `pageCount` pages. */
export function impose(pageCount: number, {binding, signature}: ImposeOptions): Sheet[] {
  const pages = paddedPages(pageCount);
  const size = signature ?? pages.length;
  if (!Number.isInteger(size) || size < 4 || size % 4 !== 0) throw new RangeError(`a signature has a multiple of 4 pages, not ${size}`);
  const sheets: Sheet[] = [];
  for (let start = 0; start < pages.length; start += size) {
    const group = pages.slice(start, start + size);
    const p = group.length; // the last signature may be shorter, still a multiple of 4
    const page = (n: number) => group[n - 1]!;
    for (let i = 0; i < p / 4; i++) {
      const front: Side = [page(p - 2 * i), page(2 * i + 1)];
      const back: Side = [page(2 * i + 2), page(p - 2 * i - 1)];
      sheets.push(binding === 'left' ? {front, back} : {front: [front[1], front[0]], back: [back[1], back[0]]});
    }
  }
  return sheets;
}
