import {execFile} from 'node:child_process';
import {promisify} from 'node:util';

const run = promisify(execFile);

/** A crop box in PDF points from the top left. */
interface Crop {
  x: number;
  y: number;
  w: number;
  h: number;
}

const cropArgs = (crop?: Crop) => (crop ? ['-x', String(crop.x), '-y', String(crop.y), '-W', String(crop.w), '-H', String(crop.h)] : []);

/** Text of one page (1-based), optionally of a crop box. */
export async function pageText(pdf: string, page: number, crop?: Crop): Promise<string> {
  const {stdout} = await run('pdftotext', ['-f', String(page), '-l', String(page), '-enc', 'UTF-8', ...cropArgs(crop), pdf, '-'], {maxBuffer: 64 << 20});
  return stdout;
}

/** Every page's text, one string per page; with `crop`, of that box of each page (one pdftotext for all: it crops every page alike). */
export async function allPagesText(pdf: string, crop?: Crop): Promise<string[]> {
  const {stdout} = await run('pdftotext', ['-enc', 'UTF-8', ...cropArgs(crop), pdf, '-'], {maxBuffer: 64 << 20});
  return stdout.split('\f').slice(0, -1);
}

/** Rows of `pdffonts`: name, type, embedded. */
export async function fonts(pdf: string): Promise<Array<{name: string; type: string; embedded: boolean}>> {
  const {stdout} = await run('pdffonts', [pdf]);
  return stdout
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const name = line.slice(0, 37).trim();
      const type = line.slice(37, 55).trim();
      const emb = line.slice(72, 76).trim();
      return {name, type, embedded: emb === 'yes'};
    });
}

/** `qpdf --check`: exit code and output. */
export async function qpdfCheck(pdf: string): Promise<{ok: boolean; output: string}> {
  try {
    const {stdout, stderr} = await run('qpdf', ['--check', pdf]);
    return {ok: true, output: stdout + stderr};
  } catch (error) {
    const e = error as {stdout?: string; stderr?: string};
    return {ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}`};
  }
}

/** `qpdf --json` of the document (outlines, page labels, pages). */
export async function qpdfJson(pdf: string): Promise<QpdfJson> {
  const {stdout} = await run('qpdf', ['--json', pdf], {maxBuffer: 256 << 20});
  return JSON.parse(stdout) as QpdfJson;
}

interface QpdfOutline {
  title: string;
  destpageposfrom1: number;
  kids: QpdfOutline[];
}

export interface QpdfJson {
  outlines: QpdfOutline[];
  pagelabels: Array<{index: number; label: Record<string, unknown>}>;
  pages: unknown[];
  qpdf: [unknown, Record<string, Record<string, unknown>>];
}

/** The 0-based page each bookmark of the outline points at. */
export function bookmarkPages(outlines: QpdfJson['outlines']): Map<string, number> {
  const pages = new Map<string, number>();
  const walk = (items: QpdfJson['outlines']) => {
    for (const item of items) {
      pages.set(item.title, item.destpageposfrom1 - 1);
      walk(item.kids);
    }
  };
  walk(outlines);
  return pages;
}

/** `pdfinfo` fields. */
export async function pdfInfo(pdf: string): Promise<Record<string, string>> {
  const {stdout} = await run('pdfinfo', ['-enc', 'UTF-8', pdf]);
  return Object.fromEntries(
    stdout
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]),
  );
}

export {hanCounts} from '../../src/typography/han-counts.js';

/** Characters (with how many are missing) that `expected` has more of than `actual`. */
export function missingHan(expected: Map<string, number>, actual: Map<string, number>): Array<[string, number]> {
  return [...expected].filter(([char, n]) => (actual.get(char) ?? 0) < n).map(([char, n]) => [char, n - (actual.get(char) ?? 0)]);
}

/** A word as `pdftotext -bbox` sees it, in PDF points from the top left. */
export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/**
 * Where the body text of each full page of a horizontal A5 book begins, from `bodyStart` (0-based):
 * the left edge of its leftmost word between the running head and the folio, in whole mm, for
 * the pages with at least 12 words there. The template's text area is 18 mm from the spine and
 * 15 mm from the outer edge: 18 on rectos (even indices, page 1 being a recto), 15 on versos.
 */
export function bodyLeftEdges(pages: Word[][], bodyStart: number): Array<{page: number; left: number}> {
  const mm = 72 / 25.4;
  return pages.flatMap((words, index) => {
    const body = words.filter((w) => w.yMin > 25 * mm && w.yMax < 190 * mm);
    if (index < bodyStart || body.length < 12) return [];
    return [{page: index + 1, left: Math.round(Math.min(...body.map((w) => w.xMin)) / mm)}];
  });
}

/** Every word of every page, one list per page. */
export async function wordBoxes(pdf: string): Promise<Word[][]> {
  const {stdout} = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], {maxBuffer: 256 << 20});
  return stdout
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: m[5]!
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"'),
      })),
    );
}

/** Vertical lines of text: words grouped by column (right to left), each read top to bottom. */
export function verticalColumns(words: Word[], tolerance = 3): string[] {
  const columns: Array<{x: number; words: Word[]}> = [];
  for (const word of words) {
    const x = (word.xMin + word.xMax) / 2;
    const column = columns.find((c) => Math.abs(c.x - x) <= tolerance);
    if (column) column.words.push(word);
    else columns.push({x, words: [word]});
  }
  return columns
    .sort((a, b) => b.x - a.x)
    .map((c) =>
      c.words
        .sort((a, b) => a.yMin - b.yMin)
        .map((w) => w.text)
        .join(''),
    );
}

/** A5 in points, and its 18 mm top and bottom margins (running heads, folios) in both modes. */
const PAGE = {width: 420, height: 595, margin: 18 * (72 / 25.4)};

/**
 * The lines of a page's text area in reading order, from the words' boxes: horizontal lines
 * top to bottom, or vertical lines right to left; with `split`, in two columns (horizontal:
 * left then right) or two bands (vertical: top then bottom), as the index is set.
 */
export function readLines(words: Word[], mode: 'horizontal' | 'vertical', split: boolean): string[] {
  const inArea = words.filter((w) => w.yMin >= PAGE.margin && w.yMax <= PAGE.height - PAGE.margin);
  const vertical = mode === 'vertical';
  const mid = (w: Word) => (vertical ? (w.xMin + w.xMax) / 2 : (w.yMin + w.yMax) / 2);
  const along = (w: Word) => (vertical ? w.yMin : w.xMin);
  const halves = split
    ? [
        inArea.filter((w) => (vertical ? w.yMax <= PAGE.height / 2 : w.xMax <= PAGE.width / 2)),
        inArea.filter((w) => (vertical ? w.yMax > PAGE.height / 2 : w.xMax > PAGE.width / 2)),
      ]
    : [inArea];
  return halves.flatMap((half) => {
    const lines: Array<{at: number; words: Word[]}> = [];
    for (const word of half) {
      const line = lines.find((l) => Math.abs(l.at - mid(word)) <= 3);
      if (line) line.words.push(word);
      else lines.push({at: mid(word), words: [word]});
    }
    return lines
      .sort((a, b) => (vertical ? b.at - a.at : a.at - b.at))
      .map((l) =>
        l.words
          .sort((a, b) => along(a) - along(b))
          .map((w) => w.text)
          .join(''),
      );
  });
}
