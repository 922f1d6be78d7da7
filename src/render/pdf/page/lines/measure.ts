/**
 * Where a block's lines break and how loose they are, measured from the rects of its
 * characters. Measuring is what costs: rects are cached until the block's text changes.
 */
import type {TextsUnder} from './blocks.js';
import {INVISIBLE, isCjk, isHan} from './chars.js';

/** One visible character of a block: where it is in its text node. */
export type Char = {node: Text; offset: number; char: string};
/** A character's extent along the line (`a` to `b`) and the coordinate of its line, which grows from line to line. */
type Rect = {a: number; b: number; line: number};
/** A line: the indices of its first and last characters in {@link BlockLines.chars}. */
export type Line = [number, number];

/** A little under the 0.25 em the PDF is held to, for what rounding moves between here and print. */
const LOOSE_EM = 0.22;

/** What the blocks of one pass share. */
export interface Measuring {
  textsUnder: TextsUnder;
  vertical: boolean;
  range: Range;
  /** The font size of an element's text: a Han character's width when nothing stretches it. */
  sizeOf(element: Element): number;
}

/** What all the blocks of one pass measure with; font sizes are remembered per element. */
export function measuring(textsUnder: TextsUnder, vertical: boolean): Measuring {
  const sizes = new Map<Element, number>();
  const sizeOf = (element: Element) => {
    if (!sizes.has(element)) sizes.set(element, parseFloat(getComputedStyle(element).fontSize));
    return sizes.get(element)!;
  };
  return {textsUnder, vertical, range: document.createRange(), sizeOf};
}

/** The lines of one block of text. */
export class BlockLines {
  readonly em: number;
  /** Half a line: characters closer than this across the line are on the same line. */
  readonly tolerance: number;
  readonly justified: boolean;
  /** The block's characters, white space and invisible marks left out. */
  chars: Char[];
  private cache = new Map<number, Rect | null>();
  private readonly changes = new MutationObserver(() => undefined);

  constructor(
    readonly block: Element,
    private texts: Text[],
    private readonly measuring: Measuring,
  ) {
    const style = getComputedStyle(block);
    this.em = parseFloat(style.fontSize);
    this.tolerance = (parseFloat(style.lineHeight) || this.em * 1.5) / 2;
    this.justified = style.textAlign === 'justify';
    this.chars = this.read();
    this.changes.observe(block, {subtree: true, childList: true, characterData: true});
  }

  private read(): Char[] {
    const chars: Char[] = [];
    for (const node of this.texts) {
      let offset = 0;
      for (const char of node.data) {
        if (!INVISIBLE.test(char)) chars.push({node, offset, char});
        offset += char.length;
      }
    }
    return chars;
  }

  /** Where character `i` is laid out; null if it draws nothing. */
  rect(i: number): Rect | null {
    if (this.cache.has(i)) return this.cache.get(i)!;
    const {node, offset, char} = this.chars[i]!;
    const range = this.measuring.range;
    range.setStart(node, offset);
    range.setEnd(node, offset + char.length);
    const r = [...range.getClientRects()].find((x) => x.width > 0 || x.height > 0);
    const found = r
      ? this.measuring.vertical
        ? {a: r.top, b: r.bottom, line: -(r.left + r.right) / 2}
        : {a: r.left, b: r.right, line: (r.top + r.bottom) / 2}
      : null;
    this.cache.set(i, found);
    return found;
  }

  /** The line coordinate of character `i` (of the last one before it that draws). */
  lineOf(i: number): number {
    for (let j = i; j >= 0; j--) {
      const r = this.rect(j);
      if (r) return r.line;
    }
    return -Infinity;
  }

  /** The block's lines: the line coordinate grows from line to line, so a binary search finds where each starts. */
  lines(): Line[] {
    const found: Line[] = [];
    let start = 0;
    while (start < this.chars.length) {
      const here = this.lineOf(start);
      let lo = start + 1;
      let hi = this.chars.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.lineOf(mid) > here + this.tolerance) hi = mid;
        else lo = mid + 1;
      }
      found.push([start, lo - 1]);
      start = lo;
    }
    return found;
  }

  /** Read the block again after a change to its text or nodes (not when nothing changed). */
  relayout(): void {
    if (this.changes.takeRecords().length === 0) return;
    this.texts = this.measuring.textsUnder(this.block, this.block).get(this.block) ?? [];
    this.chars = this.read();
    this.cache = new Map();
  }

  /**
   * Median gap between neighbouring Han characters of a line, in em: justification's stretch.
   * Chromium adds the stretch to each character's own box, so it is read from the distance
   * between two characters' starts less the one em a Han character takes.
   */
  gapOf([first, last]: Line): number {
    const gaps: number[] = [];
    for (let i = first; i < last && gaps.length < 24; i++) {
      if (!isHan(this.chars[i]!.char) || !isCjk(this.chars[i + 1]!.char)) continue;
      const x = this.rect(i);
      const y = this.rect(i + 1);
      if (x && y && Math.abs(x.line - y.line) < this.tolerance) {
        const size = this.measuring.sizeOf(this.chars[i]!.node.parentElement!);
        gaps.push((y.a - x.a - size) / size);
      }
    }
    if (gaps.length === 0) return 0;
    gaps.sort((p, q) => p - q);
    return gaps[gaps.length >> 1]!;
  }

  /** Is the line stretched so that its Han characters stand apart (a loose line)? */
  isLoose(line: Line): boolean {
    return this.gapOf(line) > LOOSE_EM;
  }

  /** Is the line that starts at character `first` still loose (or gone)? */
  stillLoose(first: number): boolean {
    const line = this.lines().find(([start]) => start === first);
    return line === undefined || this.isLoose(line);
  }

  /** Stop watching the block. */
  done(): void {
    this.changes.disconnect();
  }
}
