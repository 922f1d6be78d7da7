/**
 * Printed lines measured from a PDF's character positions, to count typesetting defects on
 * real text: lines that start with a closing mark, end with an opening one, are spread out by
 * justification, or carry a drawn space next to a full-width mark.
 *
 * Characters come from `mutool convert -F stext` (mupdf-tools). Its own line grouping is not
 * used: Chromium draws every upright glyph of vertical text as a one-glyph horizontal run,
 * so mupdf sees each as its own line. Lines are rebuilt here from positions alone.
 */
import {execFile} from 'node:child_process';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';

const run = promisify(execFile);

/** A drawn character of a printed line, in PDF points from the page's top left. */
export interface LineChar {
  /** The character (mupdf's Unicode mapping of the glyph). */
  c: string;
  /**
   * Font size in points (mupdf's `size`): the em of this character. Not the quad: its height
   * is the font's ascender to descender (1.44 em in Noto CJK), its width the advance.
   */
  size: number;
  /** Where the character begins and ends along its line (x for horizontal lines, y for vertical). */
  lead: number;
  trail: number;
  /** Across the line: the baseline (horizontal) or the column's centre x (vertical). */
  cross: number;
  /** mupdf's quad as a box: left, top, right, bottom. */
  box: [number, number, number, number];
  /** Smaller and raised beside the line: a footnote call or another superscript. */
  raised?: boolean;
  /** Set in a bold face (its font's name says Bold): a heading, a TOC's part line. */
  bold?: boolean;
  /** Position in the page's drawing order. */
  order: number;
}

/** One printed line: characters in reading order. */
export interface PageLine {
  /** 1-based page number. */
  page: number;
  /**
   * The line's own direction: tables and running heads stay horizontal in vertical books;
   * `rotated` is text turned on the page (a chart's axis label, read bottom to top, say).
   */
  flow: 'horizontal' | 'vertical' | 'rotated';
  text: string;
  chars: LineChar[];
  /** The line's em in points: the median size of its characters. */
  em: number;
}

interface Glyph {
  c: string;
  order: number;
  size: number;
  box: [number, number, number, number];
  /** The glyph's origin: on the baseline, at the start of its advance. */
  ox: number;
  oy: number;
  /** The writing direction of mupdf's line: (1, 0) unrotated, (0, 1) turned clockwise (sideways in a column). */
  dx: number;
  dy: number;
  bold: boolean;
}

const isUpright = (g: Glyph) => g.dx === 1 && g.dy === 0;
const isSideways = (g: Glyph) => g.dx === 0 && g.dy === 1;

/** Read every page's lines. `writingMode` says how the body text runs. */
export async function readPageLines(pdf: string, {writingMode}: {writingMode: 'horizontal' | 'vertical'}): Promise<PageLine[]> {
  const pages = await readGlyphs(pdf);
  return pages.flatMap((glyphs, index) => pageLines(glyphs, index + 1, writingMode));
}

function pageLines(glyphs: Glyph[], page: number, writingMode: 'horizontal' | 'vertical'): PageLine[] {
  const rotated = glyphs.filter((g) => !isUpright(g) && !(writingMode === 'vertical' && isSideways(g)));
  const rest = glyphs.filter((g) => isUpright(g) || (writingMode === 'vertical' && isSideways(g)));
  const lines = writingMode === 'vertical' ? verticalPageLines(rest, page) : groupLines(rest.map(horizontalChar), page, 'horizontal');
  return [...lines, ...rotatedLines(rotated, page)];
}

/** mupdf's structured text of the whole document, one glyph list per page. */
async function readGlyphs(pdf: string): Promise<Glyph[][]> {
  // A file, not stdout: a 400-page book's XML is tens of megabytes.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'huibian-stext-'));
  const xml = path.join(dir, 'text.xml');
  try {
    // `mutool draw` takes -O for spot colours; the text options are `mutool convert`'s. No
    // spaces invented for gaps (only drawn ones count), and U+00A0/U+3000 kept as they are.
    // Ligatures kept whole: expanded, their letters get overlapping boxes and come out of order.
    await run('mutool', ['convert', '-F', 'stext', '-O', 'inhibit-spaces,preserve-whitespace,preserve-ligatures', '-o', xml, pdf], {maxBuffer: 16 << 20});
    return parseStext(await readFile(xml, 'utf8'));
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}

const entities: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"};
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, name: string) =>
    name.startsWith('#x') || name.startsWith('#X')
      ? String.fromCodePoint(parseInt(name.slice(2), 16))
      : name.startsWith('#')
        ? String.fromCodePoint(Number(name.slice(1)))
        : (entities[name] ?? all),
  );

/** The glyphs of mupdf's stext XML. Its tags are flat and regular, so a tag scanner suffices. */
function parseStext(xml: string): Glyph[][] {
  const pages: Glyph[][] = [];
  let page: Glyph[] | undefined;
  let size = 0;
  let bold = false;
  let dir = [1, 0];
  for (const match of xml.matchAll(/<(page|line|font|char)\s([^>]*?)\/?>/g)) {
    const attrs = new Map([...match[2]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]));
    switch (match[1]) {
      case 'page':
        page = [];
        pages.push(page);
        break;
      case 'line':
        dir = (attrs.get('dir') ?? '1 0').split(' ').map(Number);
        break;
      case 'font':
        size = Number(attrs.get('size'));
        bold = /bold/i.test(attrs.get('name') ?? '');
        break;
      case 'char': {
        const q = attrs.get('quad')!.split(' ').map(Number);
        const xs = [q[0]!, q[2]!, q[4]!, q[6]!];
        const ys = [q[1]!, q[3]!, q[5]!, q[7]!];
        if (!page) break;
        page.push({
          // One character per glyph; a ligature (ﬁ) reads as its letters.
          order: page.length,
          c: decode(attrs.get('c') ?? '').replace(/[\ufb00-\ufb06]/g, (lig) => lig.normalize('NFKC')),
          size,
          box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
          ox: Number(attrs.get('x')),
          oy: Number(attrs.get('y')),
          dx: dir[0]!,
          dy: dir[1]!,
          bold,
        });
        break;
      }
    }
  }
  return pages;
}

const boldOf = (g: Glyph) => (g.bold ? {bold: true} : {});

function horizontalChar(g: Glyph): LineChar {
  return {c: g.c, order: g.order, size: g.size, lead: g.box[0], trail: g.box[2], cross: g.oy, box: g.box, ...boldOf(g)};
}

/** Turned text: measured along its own direction, each direction apart. */
function rotatedLines(glyphs: Glyph[], page: number): PageLine[] {
  const byDir = new Map<string, Glyph[]>();
  for (const g of glyphs) {
    const key = `${g.dx.toFixed(2)} ${g.dy.toFixed(2)}`;
    byDir.set(key, [...(byDir.get(key) ?? []), g]);
  }
  return [...byDir.values()].flatMap((group) =>
    groupLines(
      group.map((g) => {
        const along = [
          g.box[0] * g.dx + g.box[1] * g.dy,
          g.box[2] * g.dx + g.box[3] * g.dy,
          g.box[0] * g.dx + g.box[3] * g.dy,
          g.box[2] * g.dx + g.box[1] * g.dy,
        ];
        return {
          c: g.c,
          order: g.order,
          size: g.size,
          lead: Math.min(...along),
          trail: Math.max(...along),
          cross: -g.ox * g.dy + g.oy * g.dx,
          box: g.box,
          ...boldOf(g),
        };
      }),
      page,
      'rotated',
    ),
  );
}

/**
 * An upright glyph in a vertical line: mupdf's box is the horizontal font box (ascender to
 * descender, 1.44 em in Noto CJK), so the em box along the column is taken from the baseline
 * instead: the ideographic em box spans 0.88 em above it to 0.12 em below.
 */
function uprightVerticalChar(g: Glyph, centre: number): LineChar {
  const lead = g.oy - 0.88 * g.size;
  return {c: g.c, order: g.order, size: g.size, lead, trail: lead + g.size, cross: centre, box: g.box, ...boldOf(g)};
}

/** A sideways glyph (Latin lying in a vertical line): its box is its advance along the column. */
function sidewaysChar(g: Glyph): LineChar {
  return {c: g.c, order: g.order, size: g.size, lead: g.box[1], trail: g.box[3], cross: (g.box[0] + g.box[2]) / 2, box: g.box, ...boldOf(g)};
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Lines across the flow (baselines or column centres) within 0.2 em are one line. */
const SAME_LINE = 0.2;
/** A gap of more than 2.5 em along a line (more if all its gaps are wide) separates two lines: table cells, head and folio. */
const SPLIT = 2.5;

/** Group characters into lines by `cross`, order each by `lead`, split at wide gaps. */
function groupLines(chars: LineChar[], page: number, flow: PageLine['flow']): PageLine[] {
  const clusters: Array<{cross: number; chars: LineChar[]}> = [];
  for (const ch of [...chars].sort((a, b) => a.cross - b.cross)) {
    const last = clusters.at(-1);
    // Within 0.2 em of the line's nearest character so far (the last, in this order), not its
    // first: a glyph just beside a column (an index letter in the other band) would otherwise
    // anchor the line and leave the column's 縦中横 digits, 0.2 em off its centre, outside.
    const near = last?.chars.at(-1);
    if (last && near && ch.cross - near.cross <= SAME_LINE * Math.max(ch.size, near.size)) last.chars.push(ch);
    else clusters.push({cross: ch.cross, chars: [ch]});
  }
  mergeRaised(clusters, flow);
  // Vertical books read columns right to left.
  if (flow === 'vertical') clusters.reverse();
  const lines: PageLine[] = [];
  for (const cluster of clusters) {
    // By middles, not leading edges: a ligature's zero-width tail (the second f of `ff`) or a
    // kerned pair overlaps its neighbour's box; the drawing order breaks ties.
    const sorted = cluster.chars.sort((a, b) => a.lead + a.trail - b.lead - b.trail || a.order - b.order);
    // A line spread out by justification has wide gaps everywhere: split only at a gap much
    // wider than the cluster's typical one, or a badly loose line would fall apart unseen.
    const gaps = sorted.slice(1).map((ch, i) => (ch.lead - sorted[i]!.trail) / ch.size);
    const split = Math.max(SPLIT, 3 * (gaps.length ? median(gaps) : 0));
    let current: LineChar[] = [];
    let reach = -Infinity;
    for (const ch of sorted) {
      if (current.length && ch.lead - reach > split * Math.max(ch.size, current.at(-1)!.size)) {
        lines.push(makeLine(page, flow, current));
        current = [];
        reach = -Infinity;
      }
      current.push(ch);
      reach = Math.max(reach, ch.trail);
    }
    if (current.length) lines.push(makeLine(page, flow, current));
  }
  return lines;
}

/**
 * Footnote calls and other superscripts are smaller and raised (up in horizontal text, to the
 * right in vertical-rl): they belong to the line beside them, not to a line of their own.
 */
function mergeRaised(clusters: Array<{cross: number; chars: LineChar[]}>, flow: PageLine['flow']): void {
  if (flow === 'rotated') return;
  const size = (c: {chars: LineChar[]}) => median(c.chars.map((ch) => ch.size));
  for (let i = clusters.length - 1; i >= 0; i--) {
    const small = clusters[i]!;
    // Clusters are sorted by cross: the line a raised cluster belongs to comes after it in
    // horizontal text (further down), before it in vertical text (further left).
    const target = clusters[flow === 'horizontal' ? i + 1 : i - 1];
    if (!target || size(small) >= 0.85 * size(target) || Math.abs(target.cross - small.cross) > 0.6 * size(target)) continue;
    for (const ch of small.chars) target.chars.push({...ch, raised: true});
    clusters.splice(i, 1);
  }
}

function makeLine(page: number, flow: PageLine['flow'], chars: LineChar[]): PageLine {
  return {page, flow, text: chars.map((ch) => ch.c).join(''), chars, em: median(chars.map((ch) => ch.size))};
}

/**
 * A vertical page holds horizontal text too (running heads, folios, tables, drawing labels).
 * Upright glyphs that sit side by side on one baseline, touching, are horizontal text if the
 * run is wider than 1.25 em; narrower runs are 縦中横 (digits set in about one em of a column;
 * a table's `5.7` is 1.4 em).
 * Neighbouring columns are never that close: their gap is the leading, 0.5 em or more.
 */
function verticalPageLines(glyphs: Glyph[], page: number): PageLine[] {
  const runs: Glyph[][] = [];
  // Runs that the next glyph (sorted by left edge) can still touch; the others are done.
  let open: Glyph[][] = [];
  for (const g of glyphs.filter(isUpright).sort((a, b) => a.box[0] - b.box[0])) {
    open = open.filter((r) => r.at(-1)!.box[2] >= g.box[0] - 0.15 * Math.max(g.size, r.at(-1)!.size));
    const run = open.find((r) => {
      const last = r.at(-1)!;
      const gap = g.box[0] - last.box[2];
      const em = Math.max(g.size, last.size);
      return Math.abs(g.oy - last.oy) <= 0.1 * em && gap >= -0.2 * em && gap <= 0.15 * em;
    });
    if (run) run.push(g);
    else {
      runs.push([g]);
      open.push(runs.at(-1)!);
    }
  }
  const horizontal: LineChar[] = [];
  const vertical: LineChar[] = glyphs.filter(isSideways).map(sidewaysChar);
  for (const r of runs) {
    const width = r.at(-1)!.box[2] - r[0]!.box[0];
    const em = median(r.map((g) => g.size));
    if (r.length > 1 && width > 1.25 * em) horizontal.push(...r.map(horizontalChar));
    else {
      const centre = (r[0]!.box[0] + r.at(-1)!.box[2]) / 2;
      vertical.push(...r.map((g) => uprightVerticalChar(g, centre)));
    }
  }
  return [...groupLines(vertical, page, 'vertical'), ...groupLines(horizontal, page, 'horizontal')];
}

/** Marks that must not begin a line. */
const NO_START = new Set('，。、；：？！）》」』〉】〕’”');
/** Marks that must not end a line. */
const NO_END = new Set('（《「『〈【〔‘“');
/** Full-width marks next to which a drawn space is a defect. */
const FULL_WIDTH_MARKS = new Set('，。、；：？！（）《》「」『』“”‘’【】〈〉…—');

/** Han, or a full-width mark (CJK symbols and punctuation, full-width forms, the marks above). */
const isCjk = (c: string) => /^[\p{Script=Han}\u3000-\u303f\uff01-\uff60\ufe10-\ufe4f]$/u.test(c) || FULL_WIDTH_MARKS.has(c);
const isSpace = (c: string) => c === ' ' || c === '\u00a0';

/** A line found by {@link lineReport}: its page and text. */
export interface LineFinding {
  page: number;
  text: string;
  /** For a start violation the line before, for an end violation the line after (same page). */
  neighbour?: string;
}

/** A loose line with its median gap between CJK neighbours, in ems. */
interface LooseLine extends LineFinding {
  gap: number;
}

/** A drawn space next to a full-width mark: the line and a few characters around the space. */
interface SpaceFinding extends LineFinding {
  context: string;
}

/** What {@link lineReport} counts. */
export interface LineReport {
  /** Lines looked at (excluded ones and empty lines not counted). */
  lines: number;
  startViolations: LineFinding[];
  endViolations: LineFinding[];
  /** Worst first. */
  looseLines: LooseLine[];
  spacesNextToFullWidth: SpaceFinding[];
}

/** Options of {@link lineReport}. */
export interface LineReportOptions {
  /** Pages (1-based) to leave out: a title page, say. */
  excludePages?: Iterable<number>;
  /** Lines to leave out: letter-spaced headings (目　录, part labels), say. */
  excludeLines?: (line: PageLine) => boolean;
  /** Minimum CJK characters for the loose-line test (default 6). */
  looseMinChars?: number;
  /** Median gap above which a line is loose, in ems (default 0.25). */
  looseGap?: number;
}

/**
 * Count defects in measured lines. A line is loose when, with at least 6 CJK characters, the
 * median gap between neighbouring CJK characters exceeds 0.25 em: justification spread it. A
 * paragraph's last line is not justified, so its gaps are about 0 and it passes; a heading
 * set with letter spacing does not, and is the caller's to exclude.
 */
export function lineReport(lines: PageLine[], options: LineReportOptions = {}): LineReport {
  const excluded = new Set(options.excludePages ?? []);
  const minChars = options.looseMinChars ?? 6;
  const looseGap = options.looseGap ?? 0.25;
  const report: LineReport = {lines: 0, startViolations: [], endViolations: [], looseLines: [], spacesNextToFullWidth: []};
  lines.forEach((line, index) => {
    if (excluded.has(line.page) || options.excludeLines?.(line)) return;
    const visible = line.chars.filter((ch) => !isSpace(ch.c) && ch.c.trim() !== '');
    if (!visible.length) return;
    report.lines++;
    // A footnote call is no shield: `②。` starting a line is a line that starts with `。`.
    const edges = visible.some((ch) => !ch.raised) ? visible.filter((ch) => !ch.raised) : visible;
    const finding = {page: line.page, text: line.text};
    const near = (other: PageLine | undefined) => (other?.page === line.page && other.flow === line.flow ? {neighbour: other.text} : {});
    if (NO_START.has(edges[0]!.c)) report.startViolations.push({...finding, ...near(lines[index - 1])});
    if (NO_END.has(edges.at(-1)!.c)) report.endViolations.push({...finding, ...near(lines[index + 1])});

    const gaps: number[] = [];
    for (let i = 1; i < line.chars.length; i++) {
      const [a, b] = [line.chars[i - 1]!, line.chars[i]!];
      if (isCjk(a.c) && isCjk(b.c) && a.c !== '\u3000' && b.c !== '\u3000') gaps.push((b.lead - a.trail) / line.em);
    }
    const cjk = line.chars.filter((ch) => isCjk(ch.c) && ch.c !== '\u3000').length;
    if (cjk >= minChars && gaps.length && median(gaps) > looseGap) report.looseLines.push({...finding, gap: median(gaps)});

    line.chars.forEach((ch, i) => {
      if (!isSpace(ch.c)) return;
      // Only a space that shows: between two characters of the line, pushing them apart. Chromium
      // also draws the space at a forced line break, hanging past the end or with no advance at
      // the start of the next line; those leave no gap.
      const [before, after] = [line.chars[i - 1], line.chars[i + 1]];
      if (!before || !after || isSpace(before.c) || isSpace(after.c) || after.lead - before.trail < 0.1 * line.em) return;
      if (FULL_WIDTH_MARKS.has(before.c) || FULL_WIDTH_MARKS.has(after.c)) {
        const context = line.chars
          .slice(Math.max(0, i - 4), i + 5)
          .map((c) => (isSpace(c.c) ? '␣' : c.c))
          .join('');
        report.spacesNextToFullWidth.push({...finding, context});
      }
    });
  });
  report.looseLines.sort((a, b) => b.gap - a.gap);
  return report;
}
