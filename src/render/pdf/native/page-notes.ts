/**
 * Notes on the page of their call, for vertical books. Chromium's own print has no
 * `float: footnote`, so huibian decides every page break of the body itself, from the screen
 * layout (which prints exactly where the screen put it), reserves room at the end (left edge)
 * of each page for the notes called on it, and forces each break. The print is then checked:
 * every call's link must point to a note on its own page (see {@link notesOffTheirPage}).
 *
 * The print document comes with each article's notes gathered at its end (`endnotes`); the
 * pass takes them from there, so without it (or if it fails) the book keeps its end notes.
 */
import type {PDFDocument} from 'pdf-lib';
import type {CutBlock} from '../in-page.js';
import {destinationPages, namedLinks} from '../named-destinations.js';

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
 * in the page after the line pass; `page.evaluate` serializes this function alone.
 */
export function placeNotesInPage({room, inline}: {room: number; inline: number}): NotePlan {
  const calls = [...document.querySelectorAll<HTMLAnchorElement>('a.note-call')];
  if (calls.length === 0) return {pages: 0, notes: 0, ids: []};

  const root = document.documentElement;
  const body = document.body;
  const savedHeight = root.style.height;
  root.style.height = `${inline}px`;
  const px = (value: string) => parseFloat(value) || 0;
  const origin = root.getBoundingClientRect().right;
  /** Distance from the first page's block start (its right edge), growing page by page. */
  const at = (x: number) => origin - x;
  const circled = (n: number) => (n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `(${n})`);
  const FORCED = /^(page|left|right|recto|verso)$/;

  // 1. The notes leave the articles' ends; each is measured alone, as a page's notes set it.
  const notes = new Map<string, HTMLElement>();
  for (const section of document.querySelectorAll('section.article-notes')) {
    for (const item of section.querySelectorAll<HTMLElement>('li[id]')) notes.set(item.id, item);
    section.remove();
  }
  const bodyBox = body.getBoundingClientRect();
  const bodyStyle = getComputedStyle(body);
  const columnTop = bodyBox.top + px(bodyStyle.paddingTop);
  const columnBottom = bodyBox.bottom - px(bodyStyle.paddingBottom);
  const makeNotes = (items: HTMLElement[]) => {
    const notesBlock = document.createElement('div');
    notesBlock.className = 'page-notes';
    const list = document.createElement('ol');
    list.append(...items);
    notesBlock.append(list);
    return notesBlock;
  };
  const probe = makeNotes([]);
  probe.style.cssText = `position: absolute; top: ${columnTop}px; left: 0; height: ${columnBottom - columnTop}px; visibility: hidden`;
  body.append(probe);
  const emptyWidth = probe.getBoundingClientRect().width;
  const noteWidth = new Map<string, number>();
  for (const [id, item] of notes) {
    const number = item.querySelector('.note-number');
    if (number) number.textContent = circled(1);
    probe.firstElementChild!.append(item);
    noteWidth.set(id, item.getBoundingClientRect().width);
  }
  probe.remove();
  const notesWidth = (ids: Iterable<string>) => {
    let sum = 0;
    for (const id of ids) sum += noteWidth.get(id) ?? 0;
    return sum === 0 ? 0 : sum + emptyWidth;
  };

  // 2. The body as pieces in reading order: each column of a block of text, each atomic block.
  type Piece = {
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
  const pieces: Piece[] = [];
  const noteOf = (call: HTMLAnchorElement) => decodeURIComponent(call.hash.slice(1));
  // A note goes on the page of its first call (a note may be called twice).
  const called = new Set<string>();
  const firstCalls = (found: HTMLAnchorElement[]) => found.map(noteOf).filter((id) => notes.has(id) && !called.has(id) && Boolean(called.add(id)));
  const callsIn = new Map<Element, HTMLAnchorElement[]>();
  for (const call of calls) {
    let block: Element | null = call.parentElement;
    while (block && /^(inline|ruby|contents)/.test(getComputedStyle(block).display) && getComputedStyle(block).display !== 'inline-block')
      block = block.parentElement;
    if (!block) continue;
    if (!callsIn.has(block)) callsIn.set(block, []);
    callsIn.get(block)!.push(call);
  }
  const inFlow = (element: Element) => {
    const style = getComputedStyle(element);
    return style.display !== 'none' && style.position !== 'absolute' && style.position !== 'fixed' && element.getClientRects().length > 0;
  };
  const isBlock = (element: Element) => /^(block|list-item|table|flex|grid|flow-root)/.test(getComputedStyle(element).display);
  const atomic = (element: HTMLElement) => {
    const style = getComputedStyle(element);
    return (
      element.matches('table, figure, img, svg, hr, video, canvas, math, .cover, .title-page') ||
      style.writingMode.startsWith('horizontal') ||
      !/^(block|list-item|flow-root)$/.test(style.display)
    );
  };
  // The box a forced break puts at the top of a page: the outermost that starts after the
  // break, so `after` (a break after the previous box) is taken by the next box walked.
  let pendingForce: HTMLElement | 'after' | undefined;
  const emit = (piece: Omit<Piece, 'forced' | 'closes'>) => {
    pieces.push({...piece, closes: [], forced: pendingForce === 'after' ? undefined : pendingForce});
    pendingForce = undefined;
  };
  /** The columns of a block of text, from the rects of its text (the centres tell the columns). */
  const columnsOf = (element: HTMLElement): number[] => {
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
  };
  const walk = (element: HTMLElement) => {
    const style = getComputedStyle(element);
    if (pendingForce === 'after' || (FORCED.test(style.breakBefore) && !pendingForce)) pendingForce = element;
    const box = element.getBoundingClientRect();
    const marginAfter = px(style.marginLeft);
    const children = [...element.children].filter((child): child is HTMLElement => child instanceof HTMLElement && inFlow(child));
    const first = pieces.length;
    if (!atomic(element) && children.some(isBlock)) {
      for (const child of children) walk(child);
    } else if (atomic(element)) {
      const inside = calls.filter((call) => element.contains(call));
      emit({start: at(box.right), end: at(box.left), after: at(box.left) + marginAfter, element, column: 0, columns: 1, centre: 0, notes: firstCalls(inside)});
    } else {
      const centres = columnsOf(element);
      const contentStart = at(box.right) + px(style.borderRightWidth) + px(style.paddingRight);
      const contentEnd = at(box.left) - px(style.borderLeftWidth) - px(style.paddingLeft);
      const starts = centres.map((centre) => contentStart + centre - centres[0]!);
      const byColumn = new Map<number, HTMLAnchorElement[]>();
      for (const call of callsIn.get(element) ?? []) {
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
        emit({
          start: column === 0 ? at(box.right) : start,
          end,
          after: end,
          element,
          column,
          columns: starts.length,
          centre: centres[column]!,
          notes: firstCalls(byColumn.get(column) ?? []),
        });
      });
      if (starts.length === 0)
        emit({
          start: at(box.right),
          end: at(box.left),
          after: at(box.left),
          element,
          column: 0,
          columns: 1,
          centre: 0,
          notes: firstCalls(callsIn.get(element) ?? []),
        });
    }
    // The box's own end (padding, border) and margin follow its last piece.
    const last = pieces.at(-1);
    if (last && pieces.length > first) {
      last.end = Math.max(last.end, at(box.left));
      last.after = Math.max(last.after, last.end + marginAfter);
      last.closes.push(element);
    }
    if (FORCED.test(style.breakAfter)) pendingForce = 'after';
  };
  for (const child of body.children) if (child instanceof HTMLElement && inFlow(child)) walk(child);
  if (pieces.length === 0) return {pages: 0, notes: 0, ids: [], problem: '正文没有可分页的内容'};

  // 3. Where each page may begin. A break before the first column of a block goes before the
  //    outermost box that starts with it; a break inside a block splits it there.
  const firstInFlow = (element: HTMLElement) => {
    for (let sibling = element.previousElementSibling; sibling; sibling = sibling.previousElementSibling) if (inFlow(sibling)) return false;
    return true;
  };
  const outermost = (element: HTMLElement) => {
    let box = element;
    while (box.parentElement && box.parentElement !== body && firstInFlow(box)) box = box.parentElement;
    return box;
  };
  /** Where a page that opens with `box` begins: its start margin is kept after a forced break (also what collapses into it). */
  const pageStartAt = (box: HTMLElement) => {
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
  };
  const opens = (index: number): {start: number; target: HTMLElement | 'split'} => {
    const piece = pieces[index]!;
    if (piece.forced) return {start: pageStartAt(piece.forced), target: piece.forced};
    if (piece.column > 0) return {start: piece.start, target: 'split'};
    const box = outermost(piece.element);
    return {start: pageStartAt(box), target: box};
  };
  const unsplittable = (element: HTMLElement) => /^H[1-6]$/.test(element.tagName) || getComputedStyle(element).breakInside.startsWith('avoid');
  /** The piece to open the next page with, when piece `k` does not fit on the page opened by `first`. */
  const breakBefore = (first: number, k: number): number => {
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
  };

  // 4. Fill the pages.
  type Page = {first: number; last: number; start: number; target?: HTMLElement | 'split'; notes: string[]};
  const pages: Page[] = [];
  const safetyGap = 4;
  let page: Page = {first: 0, last: -1, start: 0, notes: []};
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k]!;
    if (piece.forced && page.last >= page.first) {
      pages.push(page);
      const {start, target} = opens(k);
      page = {first: k, last: k - 1, start, target, notes: []};
    }
    const notesHere = [...page.notes, ...piece.notes];
    const noteRoom = notesWidth(notesHere);
    const end = noteRoom > 0 ? piece.after + safetyGap : piece.end;
    if (page.last >= page.first && end - page.start + noteRoom > room) {
      const next = breakBefore(page.first, k);
      page.last = next - 1;
      page.notes = pieces.slice(page.first, next).flatMap((p) => p.notes);
      pages.push(page);
      const {start, target} = opens(next);
      page = {first: next, last: next - 1, start, target, notes: []};
      k = next - 1;
      continue;
    }
    page.last = k;
    page.notes = notesHere;
  }
  pages.push(page);

  // 5. Cut the pages and set each page's notes, from the last page back, so that what is
  //    measured before each cut has not moved yet.
  const split = (piece: Piece): HTMLElement => {
    const element = piece.element;
    const range = document.createRange();
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const chars: Array<[Text, number]> = [];
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (node.parentElement?.closest('rt, rp')) continue;
      let offset = 0;
      for (const char of node.data) {
        if (!/\s|\u2060|\u00AD|\u200B/.test(char)) chars.push([node, offset]);
        offset += char.length;
      }
    }
    const centreOf = ([node, offset]: [Text, number]) => {
      range.setStart(node, offset);
      range.setEnd(node, offset + (node.data.codePointAt(offset)! > 0xffff ? 2 : 1));
      const rect = [...range.getClientRects()].find((r) => r.width > 0);
      return rect ? at((rect.left + rect.right) / 2) : -Infinity;
    };
    // The first character whose centre is past the previous column's.
    const previous = (piece.centre + pieces[pieces.indexOf(piece) - 1]!.centre) / 2;
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (centreOf(chars[mid]!) > previous) hi = mid;
      else lo = mid + 1;
    }
    const [node, offset] = chars[lo]!;
    return (window as unknown as {huibianCutBlock: CutBlock}).huibianCutBlock(element, node, offset);
  };
  let problem: string | undefined;
  let placed = 0;
  for (let p = pages.length - 1; p >= 0; p--) {
    const next = pages[p + 1];
    let target: HTMLElement | undefined;
    if (next) {
      target = next.target === 'split' ? split(pieces[next.first]!) : next.target;
      if (target && !FORCED.test(getComputedStyle(target).breakBefore)) target.style.breakBefore = 'page';
    }
    const here = pages[p]!;
    if (here.notes.length === 0) continue;
    here.notes.forEach((id, i) => {
      notes.get(id)!.querySelector('.note-number')!.textContent = circled(i + 1);
      for (const call of calls) if (noteOf(call) === id) call.textContent = circled(i + 1);
    });
    const block = makeNotes(here.notes.map((id) => notes.get(id)!));
    if (target) target.before(block);
    else body.append(block);
    // Between two articles (`page: body`), an unnamed block would open a page of its own: it
    // takes the page of the box before it (hidden elements, the piece's link list, have none).
    let previous = block.previousElementSibling;
    while (previous && getComputedStyle(previous).display === 'none') previous = previous.previousElementSibling;
    if (previous) block.style.setProperty('page', getComputedStyle(previous).getPropertyValue('page'));
    placed += here.notes.length;
    // Set in a quotation or a list, the notes still run the body's full column.
    const box = block.getBoundingClientRect();
    block.style.marginTop = `${columnTop - box.top}px`;
    block.style.marginBottom = `${box.bottom - columnBottom}px`;
    const placedAt = at(block.getBoundingClientRect().right);
    const width = block.getBoundingClientRect().width;
    const flush = here.start + room - width;
    if (flush < placedAt - 0.5 && !problem) problem = `正文第 ${p + 1} 页的注释太长，与正文放不下`;
    block.style.paddingBlockStart = `${Math.max(0, flush - placedAt)}px`;
  }
  // A note no page took (its call is where no page could find it) would be lost.
  if (placed < notes.size && !problem) problem = `${notes.size - placed} 条注释找不到所在的页`;
  root.style.height = savedHeight;
  return {pages: pages.length, notes: placed, ids: pages.flatMap((p) => p.notes), problem};
}

/**
 * The notes (of `ids`) that did not print on the page of their call, read from the links
 * Chromium writes: each call is a link on the page where it printed, to a named destination
 * on the page where its note printed. A call that printed no link counts as off its page.
 */
export function notesOffTheirPage(doc: PDFDocument, ids: string[]): string[] {
  const destinations = destinationPages(doc);
  const onTheirPage = new Set(
    namedLinks(doc)
      .filter((link) => destinations.get(link.name)?.page === link.page)
      .map((link) => link.name),
  );
  return ids.filter((id) => !onTheirPage.has(id));
}
