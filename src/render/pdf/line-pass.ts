/**
 * The line pass: runs inside the print page after fonts are loaded and before pagination,
 * with the text laid out at the width (horizontal) or height (vertical) of the page's text
 * area, so that every line breaks as it will print. It reads where lines break and corrects
 * what Chromium's line breaker gets wrong for Chinese text (docs/typography.md rules 6, 9, 22):
 *
 * - a line (column) that starts with a closing mark or ends with an opening one (rule 6):
 *   the mark is glued to its neighbour with U+2060 WORD JOINER;
 * - a loose justified line (rule 22), stretched because the Latin word after it could not
 *   break: the word gets a soft hyphen (digits a plain break) where it fills the line;
 * - a line that ends in 。，、；： (rule 9, GB/T 15834 §5.1.10): the mark is set at half
 *   width (OpenType `halt`, `vhal` in vertical text), unless that changes the line.
 *
 * `page.evaluate` serializes the exported function alone: everything it uses is inside it,
 * but for the block cutter installed in the page (`cutBlockInPage`).
 */
import type {CutBlock} from './in-page.js';

/** What the line pass found and did. */
export interface LineStats {
  /** Lines (columns) measured. */
  lines: number;
  /** Marks glued so that no line starts with a closing or ends with an opening mark. */
  glued: number;
  /** Loose lines tightened by a break inside the word that followed them. */
  tightened: number;
  /** Loose lines tightened by setting their full-width marks at half width (clreq 标点挤压). */
  compressed: number;
  /** Loose lines whose Latin runs were let take part of the stretch. */
  spread: number;
  /** Line-end marks set at half width (rule 9). */
  halved: number;
  /** Line-end marks left full width because halving them changed the line. */
  halveUndone: number;
  /** Long paragraphs cut into blocks of lines (for Paged.js). */
  chunked: number;
  /** What is still wrong after the pass, with a few examples (line text). */
  startViolations: number;
  endViolations: number;
  looseLines: number;
  examples: string[];
}

/** What two runs of the line pass (a book printed as two documents) found and did together. */
export function addLineStats(a: LineStats, b: LineStats): LineStats {
  const sum = {...a, examples: [...a.examples, ...b.examples].slice(0, 10)};
  for (const key of Object.keys(a) as Array<keyof LineStats>) if (key !== 'examples') sum[key] = a[key] + b[key];
  return sum;
}

/**
 * Run the line pass over the document (see the module comment). `inline` is the text area's
 * extent along the line in CSS px; `vertical` says the writing mode; `bodyMargin` whether the
 * engine keeps the body's margin (Chromium's own print does, Paged.js lays the body's content
 * straight into its page boxes). `steps` runs part of it: `breaks` the corrections that move
 * line breaks (and the report), `halve` only the line-end marks, on lines already in their
 * pages — Paged.js loops on a paragraph of five pages or more when the marks are halved
 * before it paginates (a 3200-character paragraph printed 57228 characters). `chunkLines`
 * cuts each paragraph into blocks of that many lines.
 */
export function setLinesInPage({
  inline,
  vertical,
  bodyMargin,
  steps = 'all',
  chunkLines,
}: {
  inline: number;
  vertical: boolean;
  bodyMargin: boolean;
  steps?: 'all' | 'breaks' | 'halve';
  chunkLines?: number;
}): LineStats {
  const CLOSING = '，。、；：？！）》」』〉】〕’”';
  const OPENING = '（《「『〈【〔‘“';
  const HALVED = '。，、；：';
  const FULL_WIDTH = '，。、；：？！（）《》「」『』“”‘’【】〈〉〔〕';
  const WORD_JOINER = '\u2060';
  const SOFT_HYPHEN = '\u00AD';
  // Text nodes are measured in pieces of about this many characters (see below).
  const TEXT_PIECE = 500;
  // A little under the 0.25 em the PDF is held to, for what rounding moves between here and print.
  const LOOSE_EM = 0.22;
  const SKIP = 'rt, rp, pre, svg, math, script, style, .footnote:not(.line-pass-note), .line-pass-call';
  // A Latin run that may be broken to fill a loose line, and the letters of a word in it.
  const LATIN_RUN = /[\x21-\x7E\p{Script=Latin}]/u;
  const LETTER = /[A-Za-z\p{Script=Latin}]/u;
  const isHan = (c: string) => /\p{Script=Han}/u.test(c);
  const isCjk = (c: string) => /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF“”‘’《》〈〉…—]/u.test(c);

  const root = document.documentElement;
  const saved = [root.style.width, root.style.height, document.body.style.margin];
  // After pagination (`halve`) the lines are laid out in their pages already: nothing moves.
  const laidOut = steps === 'halve';
  if (!laidOut && vertical) root.style.height = `${inline}px`;
  else if (!laidOut) root.style.width = `${inline}px`;
  if (!laidOut && !bodyMargin) document.body.style.margin = '0';
  // Notes leave the line for the page foot (Paged.js's float: footnote), where only their
  // call stays: lay the lines out that way, with a call as wide as Paged.js's, and lay each
  // note's own lines out as the foot sets them (a list item, its number inside) in a copy
  // whose corrected content goes back into the note at the end.
  const hidden = document.createElement('style');
  hidden.textContent =
    '.footnote:not(.line-pass-note) { display: none !important; } .line-pass-call { font-size: 0.75em; vertical-align: super; line-height: 0; }' +
    '.line-pass-note { display: list-item !important; list-style-position: inside; text-indent: 0; } .line-pass-note::marker { content: "① "; }';
  if (!laidOut) document.head.append(hidden);
  const calls = [...document.querySelectorAll(laidOut ? ':not(*)' : '.footnote')].map((note) => {
    const call = document.createElement('span');
    call.className = 'line-pass-call';
    call.textContent = '①';
    note.before(call);
    return call;
  });
  const foot = document.createElement('div');
  document.body.append(foot);
  const notes = [...document.querySelectorAll(laidOut ? ':not(*)' : '.footnote')].map((note): [Element, Element] => {
    const copy = note.cloneNode(true) as Element;
    copy.removeAttribute('id');
    copy.classList.add('line-pass-note');
    foot.append(copy);
    return [note, copy];
  });

  type Char = {node: Text; offset: number; char: string};
  type Rect = {a: number; b: number; line: number};
  const stats: LineStats = {
    lines: 0,
    glued: 0,
    tightened: 0,
    compressed: 0,
    spread: 0,
    halved: 0,
    halveUndone: 0,
    chunked: 0,
    startViolations: 0,
    endViolations: 0,
    looseLines: 0,
    examples: [],
  };

  /** Text nodes grouped by the block that lays out their lines. */
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
  /** The text nodes under `top` whose lines `block` lays out (all blocks, for `top` = body). */
  const textsUnder = (top: Element, only?: Element): Map<Element, Text[]> => {
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
  // Chromium's time to measure one character grows with the length of its text node (a
  // 100,000-character paragraph took minutes): long nodes are cut into pieces before a Han
  // character, between whole clusters, which lays the text out the same.
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
  const blocks = textsUnder(document.body);

  const range = document.createRange();
  const sizes = new Map<Element, number>();
  /** The font size of an element's text: a Han character's width when nothing stretches it. */
  const sizeOf = (element: Element) => {
    if (!sizes.has(element)) sizes.set(element, parseFloat(getComputedStyle(element).fontSize));
    return sizes.get(element)!;
  };
  for (const block of blocks.keys()) {
    let texts = blocks.get(block)!;
    const style = getComputedStyle(block);
    const em = parseFloat(style.fontSize);
    const tolerance = (parseFloat(style.lineHeight) || em * 1.5) / 2;
    const justified = style.textAlign === 'justify';

    // The block's characters, white space and invisible marks left out.
    const read = (): Char[] => {
      const chars: Char[] = [];
      for (const node of texts) {
        let offset = 0;
        for (const char of node.data) {
          if (!/\s|\u2060|\u00AD|\u200B/.test(char)) chars.push({node, offset, char});
          offset += char.length;
        }
      }
      return chars;
    };
    let chars = read();
    let cache = new Map<number, Rect | null>();
    const rect = (i: number): Rect | null => {
      if (cache.has(i)) return cache.get(i)!;
      const {node, offset, char} = chars[i]!;
      range.setStart(node, offset);
      range.setEnd(node, offset + char.length);
      const r = [...range.getClientRects()].find((x) => x.width > 0 || x.height > 0);
      const found = r ? (vertical ? {a: r.top, b: r.bottom, line: -(r.left + r.right) / 2} : {a: r.left, b: r.right, line: (r.top + r.bottom) / 2}) : null;
      cache.set(i, found);
      return found;
    };
    // The line coordinate grows from line to line: binary search for where each line starts.
    const lineOf = (i: number): number => {
      for (let j = i; j >= 0; j--) {
        const r = rect(j);
        if (r) return r.line;
      }
      return -Infinity;
    };
    const lines = (): Array<[number, number]> => {
      const found: Array<[number, number]> = [];
      let start = 0;
      while (start < chars.length) {
        const here = lineOf(start);
        let lo = start + 1;
        let hi = chars.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (lineOf(mid) > here + tolerance) hi = mid;
          else lo = mid + 1;
        }
        found.push([start, lo - 1]);
        start = lo;
      }
      return found;
    };
    /** Read the block again after a change to its text or nodes (measuring is what costs: not when nothing changed). */
    const changes = new MutationObserver(() => undefined);
    changes.observe(block, {subtree: true, childList: true, characterData: true});
    const relayout = () => {
      if (changes.takeRecords().length === 0) return;
      texts = textsUnder(block, block).get(block) ?? [];
      chars = read();
      cache = new Map();
    };
    /**
     * Median gap between neighbouring Han characters of a line, in em: justification's stretch.
     * Chromium adds the stretch to each character's own box, so it is read from the distance
     * between two characters' starts less the one em a Han character takes.
     */
    const gapOf = ([first, last]: [number, number]): number => {
      const gaps: number[] = [];
      for (let i = first; i < last && gaps.length < 24; i++) {
        if (!isHan(chars[i]!.char) || !isCjk(chars[i + 1]!.char)) continue;
        const x = rect(i);
        const y = rect(i + 1);
        if (x && y && Math.abs(x.line - y.line) < tolerance) {
          const size = sizeOf(chars[i]!.node.parentElement!);
          gaps.push((y.a - x.a - size) / size);
        }
      }
      if (gaps.length === 0) return 0;
      gaps.sort((p, q) => p - q);
      return gaps[gaps.length >> 1]!;
    };
    const insert = (at: Char, text: string, after = false) => at.node.insertData(at.offset + (after ? at.char.length : 0), text);

    // 1. Loose lines and forbidden line starts and ends, until none is left (each fix moves
    //    the lines after it).
    // Each place is tried once: a fix that did not take is not tried again.
    const tried = new Set<string>();
    const firstTry = (kind: string, at: number) => !tried.has(`${kind}${at}`) && Boolean(tried.add(`${kind}${at}`));
    for (let round = 0; round < (steps === 'halve' ? 0 : 60); round++) {
      let changed = false;
      const all = lines();
      for (const [index, line] of all.entries()) {
        const [first, last] = line;
        const head = chars[first]!;
        const tail = chars[last]!;
        if (first > 0 && CLOSING.includes(head.char) && firstTry('start', first)) {
          // A note's call before the mark goes with it: join before the call (`库①。`).
          const call = head.offset === 0 ? head.node.previousElementSibling : null;
          const note = call?.classList.contains('footnote') ? call.previousElementSibling : null;
          if (note?.classList.contains('line-pass-call')) note.before(WORD_JOINER);
          else insert(head, WORD_JOINER);
          stats.glued++;
          changed = true;
          break;
        }
        if (index < all.length - 1 && OPENING.includes(tail.char) && firstTry('end', last)) {
          insert(tail, WORD_JOINER, true);
          stats.glued++;
          changed = true;
          break;
        }
        if (justified && index < all.length - 1 && gapOf(line) > LOOSE_EM && firstTry('loose', last)) {
          if (tighten(line, all[index + 1]!)) stats.tightened++;
          else if (compress(line, all[index + 1]!)) stats.compressed++;
          else if (spread(line)) stats.spread++;
          else continue;
          changed = true;
          break;
        }
      }
      if (!changed) break;
      relayout();
    }

    /**
     * Break the Latin run that opens the next line where its first part fills the loose line:
     * between two letters with a soft hyphen (a word), elsewhere (a number, an address) with a
     * plain break. False when the next line opens with no such run.
     */
    function tighten(line: [number, number], next: [number, number]): boolean {
      const start = next[0];
      let end = start;
      while (end <= next[1] && LATIN_RUN.test(chars[end]!.char) && chars[end]!.node === chars[start]!.node) end++;
      if (end - start < 4) return false;
      // The room the line stretched into: the stretch at each CJK character, less the gap
      // autospace puts before a Latin word and a margin.
      const cjk = chars.slice(line[0], line[1] + 1).filter((c) => isCjk(c.char)).length;
      const room = (gapOf(line) - 0.05) * em * cjk - 0.25 * em;
      const run = chars.slice(start, end);
      const letters = (k: number) => LETTER.test(run[k - 1]!.char) && LETTER.test(run[k]!.char);
      const origin = rect(start);
      if (!origin) return false;
      // Where the run may break (at least two characters on either side, three of a word),
      // widest first: the first that takes is kept.
      const fits: number[] = [];
      for (let k = 2; k <= run.length - 2; k++) {
        const r = rect(start + k - 1);
        const hyphen = letters(k);
        if (hyphen && (k < 3 || k > run.length - 3)) continue;
        if (r && r.b - origin.a + (hyphen ? em * 0.4 : 0) <= room) fits.unshift(k);
      }
      const node = run[0]!.node;
      const base = run[0]!.offset;
      for (const k of fits.slice(0, 6)) {
        const offset = run[k]!.offset - base;
        if (letters(k)) {
          node.insertData(base + offset, SOFT_HYPHEN);
          relayout();
          if (!stillLoose(line[0])) return true;
          node.deleteData(base + offset, 1);
        } else {
          const wbr = document.createElement('wbr');
          node.splitText(base + offset).before(wbr);
          relayout();
          if (!stillLoose(line[0])) return true;
          wbr.remove();
          node.parentNode!.normalize();
        }
        relayout();
      }
      return false;
    }

    /** Wrap `count` characters from `at` (all in its text node) in a span of `className`. */
    function wrap(at: Char, length: number, className: string): HTMLSpanElement {
      const span = document.createElement('span');
      span.className = className;
      const piece = at.node.splitText(at.offset);
      piece.splitText(length);
      piece.before(span);
      span.append(piece);
      return span;
    }
    function unwrap(spans: HTMLElement[]): void {
      for (const span of spans) {
        const parent = span.parentNode!;
        span.replaceWith(...span.childNodes);
        parent.normalize();
      }
    }
    /** Is the line that starts at character `first` still loose? */
    function stillLoose(first: number): boolean {
      const line = lines().find(([start]) => start === first);
      return line === undefined || gapOf(line) > LOOSE_EM;
    }

    /**
     * Set the full-width marks of a loose line, and of what opens the next line up to its
     * first Han character, at half width (clreq's 标点挤压), so that the next line's first
     * unit fits. Undone when it does not.
     */
    function compress(line: [number, number], next: [number, number]): boolean {
      let end = next[0] + 1;
      while (end <= next[1] && end - next[0] < 12 && !isHan(chars[end]!.char)) end++;
      const marks = [...chars.slice(line[0], line[1] + 1), ...chars.slice(next[0], end)].filter((c) => FULL_WIDTH.includes(c.char));
      if (marks.length === 0) return false;
      const spans = [...marks].reverse().map((c) => wrap(c, c.char.length, 'halt'));
      relayout();
      if (!stillLoose(line[0])) return true;
      unwrap(spans);
      relayout();
      return false;
    }

    /**
     * The last resort for a loose line: let its Latin runs take part of the stretch, letter by
     * letter (`text-justify: inter-character`), rather than the Han characters alone.
     */
    function spread(line: [number, number]): boolean {
      const runs: Array<[Char, number]> = [];
      for (let i = line[0]; i <= line[1]; i++) {
        if (!/[\x21-\x7E]/.test(chars[i]!.char)) continue;
        let j = i;
        while (
          j + 1 <= line[1] &&
          /[\x21-\x7E]/.test(chars[j + 1]!.char) &&
          chars[j + 1]!.node === chars[i]!.node &&
          chars[j + 1]!.offset === chars[j]!.offset + 1
        )
          j++;
        if (j > i) runs.push([chars[i]!, chars[j]!.offset + 1 - chars[i]!.offset]);
        i = j;
      }
      if (runs.length === 0) return false;
      for (const [at, length] of runs.reverse()) wrap(at, length, 'spread');
      return true;
    }

    // 2. Line-end 。，、；： at half width, one line at a time from the top, each kept only if
    //    the next line still starts where it did.
    relayout();
    const all = steps === 'breaks' ? [] : lines();
    for (const [index, [, last]] of all.entries()) {
      // Only a justified line ends flush, so only there does a half-width mark show: not the
      // block's last line, unless the block goes on on the next page (Paged.js's split).
      const continues = block.hasAttribute('data-split-to');
      if (!justified || (index === all.length - 1 && !continues) || !HALVED.includes(chars[last]!.char)) continue;
      if (index === all.length - 1) {
        wrap(chars[last]!, chars[last]!.char.length, 'halt');
        stats.halved++;
        continue;
      }
      const nextHead = last + 1;
      const before = lineOf(nextHead);
      const span = wrap(chars[last]!, chars[last]!.char.length, 'halt');
      relayout();
      if (Math.abs(lineOf(nextHead) - before) > tolerance) {
        unwrap([span]);
        stats.halveUndone++;
        relayout();
      } else stats.halved++;
    }

    // 3. What is left, for the report (the pass that only halves has nothing to add).
    const final = steps === 'halve' ? [] : lines();
    stats.lines += final.length;
    for (const [index, line] of final.entries()) {
      const text = chars
        .slice(line[0], line[1] + 1)
        .map((c) => c.char)
        .join('');
      const problems: string[] = [];
      if (line[0] > 0 && CLOSING.includes(chars[line[0]]!.char)) {
        stats.startViolations++;
        problems.push('start');
      }
      if (index < final.length - 1 && OPENING.includes(chars[line[1]]!.char)) {
        stats.endViolations++;
        problems.push('end');
      }
      if (justified && index < final.length - 1 && gapOf(line) > LOOSE_EM) {
        stats.looseLines++;
        problems.push('loose');
      }
      if (problems.length > 0 && stats.examples.length < 10) stats.examples.push(`${problems.join('+')}: ${text}`);
    }

    // 4. A paragraph of many lines becomes blocks of `chunkLines` lines, cut at line starts
    //    so that it prints the same: Paged.js duplicates or loses text in a paragraph that
    //    runs over three pages or more. From the end back, so the offsets before stay valid.
    if (chunkLines && (block.tagName === 'P' || block.tagName === 'LI') && final.length >= chunkLines * 2) {
      const cuts = final.map(([first]) => first).filter((_, index) => index > 0 && index % chunkLines === 0 && final.length - index >= 2);
      const cut = (window as unknown as {huibianCutBlock: CutBlock}).huibianCutBlock;
      for (const first of cuts.reverse()) {
        cut(block as HTMLElement, chars[first]!.node, chars[first]!.offset);
        stats.chunked++;
      }
    }
    changes.disconnect();
  }

  for (const [note, copy] of notes) note.replaceChildren(...copy.childNodes);
  foot.remove();
  for (const call of calls) call.remove();
  hidden.remove();
  if (!laidOut) [root.style.width, root.style.height, document.body.style.margin] = saved as [string, string, string];
  return stats;
}
