/** The blocks whose lines the pass measures, and the text nodes each lays out. */

/** What the pass leaves alone: ruby text, code, drawings, and notes but for their copies at the foot. */
const SKIP = 'rt, rp, pre, svg, math, script, style, .footnote:not(.line-pass-note), .line-pass-call';
/** Text nodes are measured in pieces of about this many characters (see {@link splitLongTexts}). */
const TEXT_PIECE = 500;

/** The text nodes under `top` whose lines `block` lays out (all blocks, without `only`). */
export type TextsUnder = (top: Element, only?: Element) => Map<Element, Text[]>;

/** A {@link TextsUnder} that remembers, for the whole pass, which block lays out each element's text. */
export function textFinder(): TextsUnder {
  const blockOf = new Map<Element, Element | null>();
  const findBlock = (element: Element): Element | null => {
    if (blockOf.has(element)) return blockOf.get(element)!;
    let found: Element | null;
    if (element.closest(SKIP)) found = null;
    else {
      const display = getComputedStyle(element).display;
      // Ruby and display: contents lay out in their parent's lines; an inline-block has its own.
      const inline = /^(inline|ruby|contents)/.test(display) && display !== 'inline-block';
      found = inline && element.parentElement ? findBlock(element.parentElement) : element;
      if (display === 'none') found = null;
    }
    blockOf.set(element, found);
    return found;
  };
  return (top, only) => {
    const found = new Map<Element, Text[]>();
    const walker = document.createTreeWalker(top, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (!node.data.trim() || !node.parentElement) continue;
      const block = findBlock(node.parentElement);
      if (!block || (only && block !== only)) continue;
      if (!found.has(block)) found.set(block, []);
      found.get(block)!.push(node);
    }
    return found;
  };
}

/**
 * Chromium's time to measure one character grows with the length of its text node (a
 * 100,000-character paragraph took minutes): long nodes are cut into pieces before a Han
 * character, between whole clusters, which lays the text out the same.
 */
export function splitLongTexts(): void {
  const longTexts: Text[] = [];
  const allTexts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = allTexts.nextNode() as Text | null; node; node = allTexts.nextNode() as Text | null) {
    if (node.data.length > 2 * TEXT_PIECE) longTexts.push(node);
  }
  for (let node of longTexts) {
    for (let at = TEXT_PIECE; at < node.data.length - TEXT_PIECE; at++) {
      if (!/\p{Script=Han}/u.test(node.data[at]!) || /[\uFE00-\uFE0F\uDB40]/.test(node.data[at + 1] ?? '')) continue;
      node = node.splitText(at);
      at = TEXT_PIECE;
    }
  }
}
