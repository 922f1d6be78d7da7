/**
 * A proof's pages as mutool reads them, apart from huibian's own reading (pdf.js): the lines
 * of text, the numbers beside them, and the change bars (filled rectangles, from `mutool
 * trace`). Every length is in PDF points from the page's top left.
 */
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {type PageLine, readPageLines} from './page-lines.js';

const run = promisify(execFile);

export interface ProofPage {
  /** Lines of text of the book: not the running head or folio, not the proof's marks. */
  body: PageLine[];
  /** The line numbers, in reading order of the lines they stand beside. */
  numbers: Array<{n: number; line: PageLine}>;
  /** Change bars: thin filled rectangles. */
  bars: Array<[number, number, number, number]>;
  /** The proof's own small text: its head line and the manuscripts' paths. */
  marks: string;
}

/** The proof's marks are set smaller than any text of the book (notes are 8 pt, running heads 8). */
const MARK_SIZE = 6.8;

/**
 * Read every page of a proof. `runningHeads` are the texts a running head may have (squashed):
 * such a line in the head margin is one, as is a number alone in the foot margin (a folio); in
 * vertical books every horizontal line of the book's size is furniture.
 */
export async function readProofPages(pdf: string, writingMode: 'horizontal' | 'vertical', runningHeads: Set<string>): Promise<ProofPage[]> {
  const lines = (await readPageLines(pdf, {writingMode})).flatMap(splitMarks);
  const count = Math.max(0, ...lines.map((l) => l.page));
  const pages: ProofPage[] = [];
  for (let page = 1; page <= count; page++) {
    const on = lines.filter((l) => l.page === page);
    const squash = (l: PageLine) => l.text.replace(/\s+/g, '');
    const small = on.filter((l) => l.em < MARK_SIZE);
    // A vertical book's running heads and folios are set horizontally: apart from its columns.
    const [columns, flat] = [
      on.filter((l) => !(writingMode === 'vertical' && l.flow === 'horizontal')),
      on.filter((l) => writingMode === 'vertical' && l.flow === 'horizontal'),
    ];
    const text = [
      ...joinLevel(
        columns.filter((l) => l.em >= MARK_SIZE),
        writingMode,
      ),
      ...joinLevel(
        flat.filter((l) => l.em >= MARK_SIZE),
        'horizontal',
      ),
    ];
    // The running head stands in the head margin, the folio is the lowest line (or in the head margin too).
    const top = (l: PageLine) => Math.min(...l.chars.map((c) => c.box[1]));
    const lowest = Math.max(...text.map(top));
    const height = Math.max(...on.flatMap((l) => l.chars.map((c) => c.box[3])));
    const furniture = (l: PageLine) =>
      (runningHeads.has(squash(l)) && top(l) < 0.06 * height) || (/^(\d+|[ivxlc]+)$/.test(squash(l)) && (top(l) === lowest || top(l) < 0.06 * height));
    const body = text.filter((l) => !furniture(l));
    const across = (l: PageLine) => {
      const boxes = l.chars.map((c) => c.box);
      return writingMode === 'vertical'
        ? (Math.min(...boxes.map((b) => b[0])) + Math.max(...boxes.map((b) => b[2]))) / 2
        : (Math.min(...boxes.map((b) => b[1])) + Math.max(...boxes.map((b) => b[3]))) / 2;
    };
    // Top to bottom, or right to left.
    const order = (a: PageLine, b: PageLine) => (writingMode === 'vertical' ? across(b) - across(a) : across(a) - across(b));
    body.sort(order);
    const numbers = small
      .filter((l) => /^\d+$/.test(squash(l)))
      .sort(order)
      .map((l) => ({n: Number(squash(l)), line: l}));
    pages.push({
      body,
      numbers,
      bars: [],
      marks: small
        .filter((l) => !/^\d+$/.test(squash(l)))
        .map(squash)
        .join(''),
    });
  }
  const bars = await readBars(pdf, count);
  for (const [i, list] of bars.entries()) pages[i]!.bars = list;
  return pages;
}

/**
 * mutool's lines hold whatever stands level: a line of the book and the number beside it (or,
 * in a vertical book, a column and the number under it). A run of small characters set off by
 * a gap is a line of its own.
 */
function splitMarks(line: PageLine): PageLine[] {
  const chars = [...line.chars].sort((a, b) => a.lead - b.lead);
  const runs: Array<typeof chars> = [];
  for (const char of chars) {
    const run = runs.at(-1);
    const previous = run?.at(-1);
    const small = (c: (typeof chars)[number]) => c.size < MARK_SIZE;
    // Apart: small type from large, and numbers under neighbouring columns (a vertical book's).
    const apart = (p: (typeof chars)[number]) => char.lead - p.trail > 2 && (small(char) !== small(p) || (small(char) && /\d/.test(char.c + p.c)));
    if (run && previous && !apart(previous)) run.push(char);
    else runs.push([char]);
  }
  if (runs.length === 1) return [line];
  return runs.map((run) => {
    const sizes = run.map((c) => c.size).sort((a, b) => a - b);
    return {...line, chars: run, text: run.map((c) => c.c).join(''), em: sizes[Math.floor(sizes.length / 2)]!};
  });
}

/** Pieces of one line that mutool parted at a gap (a contents line and its page number, past the leader) joined again. */
function joinLevel(lines: PageLine[], writingMode: 'horizontal' | 'vertical'): PageLine[] {
  const joined: PageLine[] = [];
  for (const line of lines) {
    const same = joined.find((other) => Math.abs(middleOf(other, writingMode) - middleOf(line, writingMode)) < 2);
    if (!same) {
      joined.push(line);
      continue;
    }
    same.chars = [...same.chars, ...line.chars].sort((a, b) => a.lead - b.lead);
    same.text = same.chars.map((c) => c.c).join('');
  }
  return joined;
}

/** Where a line's text is across its direction (its middle), for lining numbers up with it. */
export function middleOf(line: PageLine, writingMode: 'horizontal' | 'vertical'): number {
  const boxes = line.chars.map((c) => c.box);
  return writingMode === 'vertical'
    ? (Math.min(...boxes.map((b) => b[0])) + Math.max(...boxes.map((b) => b[2]))) / 2
    : (Math.min(...boxes.map((b) => b[1])) + Math.max(...boxes.map((b) => b[3]))) / 2;
}

/** The thin filled rectangles of each page (mutool trace: paths with their transforms). */
async function readBars(pdf: string, count: number): Promise<Array<Array<[number, number, number, number]>>> {
  const pages: Array<Array<[number, number, number, number]>> = [];
  for (let first = 1; first <= count; first += 50) {
    const last = Math.min(count, first + 49);
    const {stdout} = await run('mutool', ['trace', pdf, `${first}-${last}`], {maxBuffer: 256 << 20});
    for (const page of stdout.split(/<page\b/).slice(1)) {
      const bars: Array<[number, number, number, number]> = [];
      for (const path of page.matchAll(/<fill_path[^>]*transform="([^"]+)"[^>]*>([\s\S]*?)<\/fill_path>/g)) {
        if (/curveto/.test(path[2]!)) continue;
        const [a, b, c, d, e, f] = path[1]!.split(/\s+/).map(Number) as [number, number, number, number, number, number];
        const points = [...path[2]!.matchAll(/<(?:moveto|lineto) x="([-\d.]+)" y="([-\d.]+)"/g)].map((m) => {
          const [x, y] = [Number(m[1]), Number(m[2])];
          return [a * x + c * y + e, b * x + d * y + f] as const;
        });
        if (points.length < 4) continue;
        const xs = points.map((p) => p[0]);
        const ys = points.map((p) => p[1]);
        const box: [number, number, number, number] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
        const [w, h] = [box[2] - box[0], box[3] - box[1]];
        // A bar: 1.4 pt across a line's height (or under a column's width).
        if ((w < 2.5 && h > 4) || (h < 2.5 && w > 4 && w < 20)) bars.push(box);
      }
      pages.push(bars);
    }
  }
  return pages;
}
