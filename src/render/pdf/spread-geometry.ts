/**
 * Where the parts of a perfect-bound (胶装) book's cover go on one sheet: back cover, spine and
 * front cover side by side, bleed all round (docs/cover.md). Millimetres throughout.
 */

/** Below this spine width no text goes on the spine: cutting and folding wander by about a millimetre each side. */
export const MIN_SPINE_TEXT = 5;

/** How thick the finished book is: one sheet of paper carries two pages. */
export interface Spine {
  pages: number;
  sheets: number;
  /** Thickness of one sheet. */
  thickness: number;
  width: number;
}

export function spineOf(pages: number, thickness: number): Spine {
  const sheets = Math.ceil(pages / 2);
  return {pages, sheets, thickness, width: sheets * thickness};
}

/** A panel's finished (trimmed) extent across the sheet, from the sheet's left edge (outside the bleed). */
interface Panel {
  x: number;
  width: number;
}

/** The cover sheet: its size with the bleed, and where each panel's trimmed area starts. Every panel's trim starts `bleed` below the top. */
export interface Spread {
  width: number;
  height: number;
  bleed: number;
  trim: {width: number; height: number};
  back: Panel;
  spine: Panel;
  front: Panel;
}

/** What decides the sheet: the finished page, the spine's width, the bleed, and the edge the book is bound on. */
interface SpreadMeasures {
  trim: {width: number; height: number};
  spine: number;
  bleed: number;
  binding: 'left' | 'right';
}

/**
 * Lay the panels out. Seen from outside, a book bound on the left (horizontal) has its back
 * cover on the left of the spine and the front on the right; a book bound on the right
 * (vertical, read right to left) the other way round.
 */
export function spreadOf({trim, spine, bleed, binding}: SpreadMeasures): Spread {
  const first: Panel = {x: bleed, width: trim.width};
  const middle: Panel = {x: bleed + trim.width, width: spine};
  const last: Panel = {x: bleed + trim.width + spine, width: trim.width};
  return {
    width: 2 * trim.width + spine + 2 * bleed,
    height: trim.height + 2 * bleed,
    bleed,
    trim: {...trim},
    spine: middle,
    ...(binding === 'left' ? {back: first, front: last} : {front: first, back: last}),
  };
}

/** Type sizes (pt) of the spine's title and author, or none on a spine too narrow to print on. */
export function spineType(width: number): {title: number; author: number} | undefined {
  if (width < MIN_SPINE_TEXT) return undefined;
  // Characters 60 % of the spine wide, up to a little smaller than the front's 22 pt title.
  const title = Math.min(16, width * 0.6 * (72 / 25.4));
  return {title, author: title * 0.75};
}
