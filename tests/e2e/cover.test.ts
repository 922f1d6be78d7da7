import {execFile} from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {beforeAll, describe, expect, it} from 'vitest';
import {buildBook} from '../../src/outputs/build-book.js';
import type {BuildResult} from '../../src/core/options.js';
import {makeBook, smallBook} from '../helpers/book.js';
import {fonts, pdfInfo, qpdfCheck, verticalColumns, type Word, wordBoxes} from '../helpers/pdf-tools.js';
import {han, sampleTitle} from '../helpers/sample.js';
import {sampleDir, sharedSample} from '../helpers/shared-sample.js';

const run = promisify(execFile);
const MM = 72 / 25.4;
const A5 = {width: 148, height: 210};

/** `pdfinfo -box` of the first page: each box as [x0, y0, x1, y1] in points. */
async function boxes(file: string): Promise<Record<string, number[]>> {
  const {stdout} = await run('pdfinfo', ['-box', file]);
  return Object.fromEntries([...stdout.matchAll(/^(\w+Box):\s+([\d.\s-]+)$/gm)].map((m) => [m[1]!, m[2]!.trim().split(/\s+/).map(Number)]));
}

/** The words whose middle lies between `from` and `to` mm from the sheet's left edge. */
const wordsWithin = (words: Word[], from: number, to: number) => words.filter((w) => (w.xMin + w.xMax) / 2 > from * MM && (w.xMin + w.xMax) / 2 < to * MM);
/** Han characters of words set in rows (horizontal) and of words set in columns (vertical). */
const rows = (words: Word[]) => han(words.map((w) => w.text).join(''));
const columns = (words: Word[]) => han(verticalColumns(words).join(''));
const times = (text: string, part: string) => text.split(part).length - 1;

/** The spine's page count and thickness as the report says them: `书脊宽 5.8 mm（57 页 = 29 张 × 0.2 mm）`. */
function reported(result: BuildResult): {pages: number; sheets: number; thickness: number; spine: number} {
  const [, spine, pages, sheets, thickness] = /^书脊宽 ([\d.]+) mm（(\d+) 页 = (\d+) 张 × ([\d.]+) mm）/.exec(result.report![0]!)!;
  return {spine: Number(spine), pages: Number(pages), sheets: Number(sheets), thickness: Number(thickness)};
}

const hasGhostscript = await run('gs', ['--version']).then(
  () => true,
  () => false,
);

let title: string;

describe('the cover sheet of the sample, bound on the left', () => {
  const out = path.join(os.tmpdir(), `huibian-cover-${process.pid}.pdf`);
  let result: BuildResult;
  let pages: number;
  let words: Word[];

  beforeAll(async () => {
    title = await sampleTitle();
    pages = Number((await pdfInfo(await sharedSample('pdf'))).Pages);
    // 0.2 mm a sheet: the sample's spine is then wide enough for its title. The book's pages come from the run's layout cache.
    result = await buildBook({bookDir: sampleDir(), format: 'cover', out, cover: {paperThickness: 0.2, bleed: 3}});
    words = (await wordBoxes(out))[0]!;
  });

  it('should be one page: 2 × trim + spine + 2 × bleed wide, the spine one sheet thickness per two pages of the book', async () => {
    const spine = Math.ceil(pages / 2) * 0.2;
    expect(reported(result)).toEqual({pages, sheets: Math.ceil(pages / 2), thickness: 0.2, spine: Number(spine.toFixed(2))});
    expect((await pdfInfo(out)).Pages).toBe('1');
    const b = await boxes(out);
    const [x0, y0, x1, y1] = b.MediaBox!;
    expect(x0).toBe(0);
    expect(y0).toBe(0);
    expect(Math.abs(x1! - (2 * A5.width + spine + 2 * 3) * MM)).toBeLessThan(0.1);
    expect(Math.abs(y1! - (A5.height + 2 * 3) * MM)).toBeLessThan(0.1);
    expect(b.BleedBox).toEqual(b.MediaBox);
  });

  it('should set the TrimBox inside the bleed on every side', async () => {
    const b = await boxes(out);
    const [mx0, my0, mx1, my1] = b.MediaBox!;
    const [tx0, ty0, tx1, ty1] = b.TrimBox!;
    for (const inset of [tx0! - mx0!, ty0! - my0!, mx1! - tx1!, my1! - ty1!]) expect(inset).toBeCloseTo(3 * MM, 1);
  });

  it('should embed its fonts (the book’s own, none Type 3) and pass qpdf --check', async () => {
    const list = await fonts(out);
    expect(list.length).toBeGreaterThan(0);
    expect(list.filter((f) => f.type.includes('Type 3') || !f.embedded)).toEqual([]);
    const families = new Set(list.map((f) => f.name.replace(/^[A-Z]{6}\+/, '').replace(/-.*$/, '')));
    for (const family of families) expect(['LXGWWenKai', 'NotoSansSCThin', 'NotoSerifSCExtraLight']).toContain(family);
    expect((await qpdfCheck(out)).ok).toBe(true);
  });

  it('should print the title on the front (right) and down the spine, not on the back (left)', () => {
    const spineAt = 3 + A5.width;
    const spine = reported(result).spine;
    expect(times(rows(wordsWithin(words, spineAt + spine, 400)), han(title))).toBe(1);
    expect(times(columns(wordsWithin(words, spineAt, spineAt + spine)), han(title))).toBe(1);
    expect(rows(wordsWithin(words, 0, spineAt))).not.toContain(han(title).slice(0, 4));
  });
});

describe('the cover sheet of the sample as a vertical book (bound on the right)', () => {
  const out = path.join(os.tmpdir(), `huibian-cover-vertical-${process.pid}.pdf`);
  let result: BuildResult;
  let words: Word[];

  beforeAll(async () => {
    title ??= await sampleTitle();
    result = await buildBook({bookDir: sampleDir(), format: 'cover', out, writingMode: 'vertical', cover: {paperThickness: 0.2, bleed: 5}});
    words = (await wordBoxes(out))[0]!;
  });

  it('should be 2 × trim + spine + 2 × bleed wide, the TrimBox 5 mm inside', async () => {
    const {spine, sheets} = reported(result);
    expect(spine).toBeCloseTo(sheets * 0.2, 5);
    const b = await boxes(out);
    expect(Math.abs(b.MediaBox![2]! - (2 * A5.width + sheets * 0.2 + 2 * 5) * MM)).toBeLessThan(0.1);
    expect(b.TrimBox![0]).toBeCloseTo(5 * MM, 1);
    expect(b.MediaBox![3]! - b.TrimBox![3]!).toBeCloseTo(5 * MM, 1);
  });

  it('should put the front cover on the left of the spine, the back on the right', () => {
    const spineAt = 5 + A5.width;
    const spine = reported(result).spine;
    expect(times(columns(wordsWithin(words, 0, spineAt)), han(title))).toBe(1);
    expect(times(columns(wordsWithin(words, spineAt, spineAt + spine)), han(title))).toBe(1);
    expect(columns(wordsWithin(words, spineAt + spine, 400))).not.toContain(han(title).slice(0, 4));
  });
});

describe('the cover sheet of a thin book', () => {
  const out = path.join(os.tmpdir(), `huibian-cover-thin-${process.pid}.pdf`);
  let result: BuildResult;

  beforeAll(async () => {
    // One build for both tests: in gray PDF/X where Ghostscript is installed.
    const pdfx = hasGhostscript ? {pdfx: 'gray' as const} : {};
    result = await buildBook({bookDir: await makeBook(smallBook()), format: 'cover', out, cover: {paperThickness: 0.1, bleed: 3, ...pdfx}});
  });

  it('should leave the spine without text, and say so', async () => {
    expect(result.report![0]).toMatch(/^书脊宽 0\.\d+ mm（\d+ 页 = \d+ 张 × 0\.1 mm）；不足 5 mm，书脊不印字/);
    const words = (await wordBoxes(out))[0]!;
    const spine = reported(result).spine;
    expect(wordsWithin(words, 3 + A5.width - 0.5, 3 + A5.width + spine + 0.5)).toEqual([]);
    expect(times(rows(words), '测试村年鉴')).toBe(1);
  });

  it.skipIf(!hasGhostscript)('should make PDF/X-1a in gray with --pdfx gray, boxes, fonts and text kept', async () => {
    expect((await pdfInfo(out))['PDF subtype']).toBe('PDF/X-1:2001');
    const b = await boxes(out);
    expect(b.TrimBox![0]).toBeCloseTo(3 * MM, 1);
    expect(b.TrimBox![1]).toBeCloseTo(3 * MM, 1);
    expect(b.MediaBox![2]! - b.TrimBox![2]!).toBeCloseTo(3 * MM, 1);
    expect((await fonts(out)).filter((f) => f.type.includes('Type 3') || !f.embedded)).toEqual([]);
    const ink = await run('gs', ['-q', '-o', '-', '-sDEVICE=ink_cov', out]);
    const [c, m, y, k] = ink.stdout.trim().split(/\s+/).map(Number);
    expect([c, m, y]).toEqual([0, 0, 0]);
    expect(k).toBeGreaterThan(0);
  });
});
