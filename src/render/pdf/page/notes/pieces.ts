/**
 * The body as a list of pieces in reading order: each column of a block of text (from the
 * centres of its text rects; a column runs from its start to the next column's start), each
 * atomic block (table, figure, anything horizontal). Each piece knows the notes first called
 * in it and which boxes end with it; a forced break in the stylesheet opens a new page at the
 * outermost box after it.
 */
import {type Along, FORCED, inFlow, px} from './geometry.js';

/** One piece of the body, its extent along the block axis (see {@link Along}). */
export type Piece = {
  start: number;
  end: number;
  /** Where the next block may begin: the end with the margins that follow. */
  after: number;
  element: HTMLElement;
  column: number;
  columns: number;
  centre: number;
  notes: string[];
  /** Elements whose box ends with this piece. */
  closes: HTMLElement[];
  /** A break the stylesheet forces before this piece: the element that carries it. */
  forced?: HTMLElement;
};

/** The id of the note a call links to. */
export const noteOf = (call: HTMLAnchorElement) => decodeURIComponent(call.hash.slice(1));

/** The body's pieces (see the module comment), with the notes of `notes` their `calls` call. */
export function bodyPieces(calls: HTMLAnchorElement[], notes: Map<string, HTMLElement>, at: Along): Piece[] {
  const walker = new PieceWalker(calls, notes, at);
  for (const child of document.body.children) if (child instanceof HTMLElement && inFlow(child)) walker.walk(child);
  return walker.pieces;
}

const isBlock = (element: Element) => /^(block|list-item|table|flex|grid|flow-root)/.test(getComputedStyle(element).display);

/** A box printed whole, never split into columns. */
function atomic(element: HTMLElement): boolean {
  const style = getComputedStyle(element);
  return (
    element.matches('table, figure, img, svg, hr, video, canvas, math, .cover, .title-page') ||
    style.writingMode.startsWith('horizontal') ||
    !/^(block|list-item|flow-root)$/.test(style.display)
  );
}

/** The calls by the block that lays out their line. */
function callsByBlock(calls: HTMLAnchorElement[]): Map<Element, HTMLAnchorElement[]> {
  const callsIn = new Map<Element, HTMLAnchorElement[]>();
  for (const call of calls) {
    let block: Element | null = call.parentElement;
    while (block && /^(inline|ruby|contents)/.test(getComputedStyle(block).display) && getComputedStyle(block).display !== 'inline-block')
      block = block.parentElement;
    if (!block) continue;
    if (!callsIn.has(block)) callsIn.set(block, []);
    callsIn.get(block)!.push(call);
  }
  return callsIn;
}

/** The columns of a block of text, from the rects of its text (the centres tell the columns). */
function columnsOf(element: HTMLElement, at: Along): number[] {
  const style = getComputedStyle(element);
  const tolerance = (px(style.lineHeight) || px(style.fontSize) * 1.5) / 2;
  const centres: number[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.nodeValue?.trim() || node.parentElement?.closest('rt, rp, .note-call')) continue;
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) if (rect.width > 0) centres.push(at((rect.left + rect.right) / 2));
  }
  centres.sort((a, b) => a - b);
  const columns: number[] = [];
  for (const centre of centres) if (columns.length === 0 || centre - columns.at(-1)! > tolerance) columns.push(centre);
  return columns;
}

/** Walks the body's boxes depth first, making the pieces. */
class PieceWalker {
  readonly pieces: Piece[] = [];
  // A note goes on the page of its first call (a note may be called twice).
  private readonly called = new Set<string>();
  private readonly callsIn: Map<Element, HTMLAnchorElement[]>;
  // The box a forced break puts at the top of a page: the outermost that starts after the
  // break, so `after` (a break after the previous box) is taken by the next box walked.
  private pendingForce: HTMLElement | 'after' | undefined;

  constructor(
    private readonly calls: HTMLAnchorElement[],
    private readonly notes: Map<string, HTMLElement>,
    private readonly at: Along,
  ) {
    this.callsIn = callsByBlock(calls);
  }

  walk(element: HTMLElement): void {
    const at = this.at;
    const style = getComputedStyle(element);
    if (this.pendingForce === 'after' || (FORCED.test(style.breakBefore) && !this.pendingForce)) this.pendingForce = element;
    const box = element.getBoundingClientRect();
    const marginAfter = px(style.marginLeft);
    const children = [...element.children].filter((child): child is HTMLElement => child instanceof HTMLElement && inFlow(child));
    const first = this.pieces.length;
    if (!atomic(element) && children.some(isBlock)) {
      for (const child of children) this.walk(child);
    } else if (atomic(element)) {
      const notes = this.firstCalls(this.calls.filter((call) => element.contains(call)));
      this.emit({start: at(box.right), end: at(box.left), after: at(box.left) + marginAfter, element, column: 0, columns: 1, centre: 0, notes});
    } else this.text(element, style, box);
    // The box's own end (padding, border) and margin follow its last piece.
    const last = this.pieces.at(-1);
    if (last && this.pieces.length > first) {
      last.end = Math.max(last.end, at(box.left));
      last.after = Math.max(last.after, last.end + marginAfter);
      last.closes.push(element);
    }
    if (FORCED.test(style.breakAfter)) this.pendingForce = 'after';
  }

  /** A block of text: a piece per column, each with the notes first called in it. */
  private text(element: HTMLElement, style: CSSStyleDeclaration, box: DOMRect): void {
    const at = this.at;
    const centres = columnsOf(element, at);
    const contentStart = at(box.right) + px(style.borderRightWidth) + px(style.paddingRight);
    const contentEnd = at(box.left) - px(style.borderLeftWidth) - px(style.paddingLeft);
    const starts = centres.map((centre) => contentStart + centre - centres[0]!);
    const byColumn = new Map<number, HTMLAnchorElement[]>();
    for (const call of this.callsIn.get(element) ?? []) {
      const rect = call.getBoundingClientRect();
      const centre = at((rect.left + rect.right) / 2);
      let nearest = 0;
      centres.forEach((c, i) => {
        if (Math.abs(c - centre) < Math.abs(centres[nearest]! - centre)) nearest = i;
      });
      byColumn.set(nearest, [...(byColumn.get(nearest) ?? []), call]);
    }
    starts.forEach((start, column) => {
      const end = column + 1 < starts.length ? starts[column + 1]! : Math.max(contentEnd, start);
      this.emit({
        start: column === 0 ? at(box.right) : start,
        end,
        after: end,
        element,
        column,
        columns: starts.length,
        centre: centres[column]!,
        notes: this.firstCalls(byColumn.get(column) ?? []),
      });
    });
    if (starts.length === 0) {
      const notes = this.firstCalls(this.callsIn.get(element) ?? []);
      this.emit({start: at(box.right), end: at(box.left), after: at(box.left), element, column: 0, columns: 1, centre: 0, notes});
    }
  }

  private emit(piece: Omit<Piece, 'forced' | 'closes'>): void {
    this.pieces.push({...piece, closes: [], forced: this.pendingForce === 'after' ? undefined : this.pendingForce});
    this.pendingForce = undefined;
  }

  /** The notes of `found` not called before. */
  private firstCalls(found: HTMLAnchorElement[]): string[] {
    return found.map(noteOf).filter((id) => this.notes.has(id) && !this.called.has(id) && Boolean(this.called.add(id)));
  }
}
