import {execFile} from 'node:child_process';
import {writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {PDFDocument, StandardFonts} from 'pdf-lib';
import {describe, expect, it} from 'vitest';
import {buildBook} from '../../src/outputs/build-book.js';
import {imposeBooklet} from '../../src/impose/booklet.js';
import {impose} from '../../src/impose/order.js';
import {fonts, pageText, qpdfCheck} from '../helpers/pdf-tools.js';
import {sampleDir} from '../helpers/shared-sample.js';

const run = promisify(execFile);

/** An A5 PDF whose pages show their own numbers. */
async function numbered(count: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= count; n++) doc.addPage([420, 595]).drawText(`P${n}`, {x: 180, y: 300, size: 40, font});
  return doc.save();
}

/** The page numbers printed on the left and right halves of one side of an imposed sheet. */
async function halves(file: string, side: number): Promise<[number, number]> {
  const read = async (x: number) => Number(/P(\d+)/.exec(await pageText(file, side, {x, y: 0, w: 421, h: 595}))?.[1] ?? 0);
  return [await read(0), await read(421)];
}

describe('booklets', () => {
  for (const binding of ['left', 'right'] as const) {
    it(`should print every half sheet in saddle-stitch order, ${binding} binding, 10 pages in signatures of 8`, async () => {
      const file = path.join(os.tmpdir(), `huibian-imposed-${binding}-${process.pid}.pdf`);
      await writeFile(file, await imposeBooklet(await numbered(10), {binding, sheet: 'A4', duplex: 'short', signature: 8}));
      const sheets = impose(10, {binding, signature: 8});
      const sides = sheets.flatMap((s) => [s.front, s.back]);
      for (const [index, expected] of sides.entries()) expect(await halves(file, index + 1), `side ${index + 1}`).toEqual(expected);
      expect((await qpdfCheck(file)).ok).toBe(true);
    });
  }

  it('should turn the back sides for long-edge duplex', async () => {
    const file = path.join(os.tmpdir(), `huibian-imposed-long-${process.pid}.pdf`);
    await writeFile(file, await imposeBooklet(await numbered(4), {binding: 'left', sheet: 'A4', duplex: 'long'}));
    // Back of the one sheet, [2 | 3] turned 180°: 3 now stands on the left half, upside down.
    expect(await halves(file, 1)).toEqual([4, 1]);
    const {stdout} = await run('pdftotext', ['-f', '2', '-l', '2', '-bbox', file, '-']);
    const words = [...stdout.matchAll(/xMin="([\d.]+)"[^>]*>P(\d)</g)].map((m) => [Number(m[2]), Number(m[1]) < 421 ? 'left' : 'right']);
    expect(words.sort()).toEqual([
      [2, 'right'],
      [3, 'left'],
    ]);
  });

  it('should make a selected study booklet of the sample on A4, its own small book', async () => {
    const out = path.join(os.tmpdir(), `huibian-booklet-${process.pid}.pdf`);
    const result = await buildBook({
      bookDir: sampleDir(),
      format: 'booklet',
      out,
      booklet: {select: ['学习资料', '产业发展'], title: '学习材料', duplex: 'short', creep: 0.1, calibration: false},
    });
    expect(result.pageCount! % 2).toBe(0);
    const {stdout} = await run('pdfinfo', [out]);
    expect(stdout).toMatch(/Page size:\s+841\.89 x 595\.2\d+ pts \(A4\)/);
    expect((await fonts(out)).filter((f) => f.type.includes('Type 3') || !f.embedded)).toEqual([]);
    // Sheet 1 front carries the back cover (left) and the booklet's own cover (right).
    expect((await pageText(out, 1, {x: 421, y: 0, w: 421, h: 595})).replace(/\s+/g, '')).toContain('学习材料');
    // The folio printed at the foot of each half, against the page the imposition put there:
    // for every body page, page number − folio is the same (the front matter's length).
    const {stdout: info} = await run('pdfinfo', [out]);
    const sides = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    const sheets = impose(sides * 2, {binding: 'left'});
    const offsets = new Set<number>();
    let folios = 0;
    for (let side = 1; side <= sides; side++) {
      const sheet = sheets[Math.floor((side - 1) / 2)]!;
      const expected = side % 2 === 1 ? sheet.front : sheet.back;
      for (const half of [0, 1] as const) {
        const foot = (await pageText(out, side, {x: half * 421, y: 545, w: 421, h: 50})).trim();
        // The back cover (the last page, after the padding blanks) is numbered apart.
        if (/^\d+$/.test(foot) && expected[half] !== sides * 2) {
          offsets.add(expected[half] - Number(foot));
          folios++;
        }
      }
    }
    expect(offsets.size).toBe(1);
    expect(folios).toBeGreaterThan(6);
  });

  it('should print a calibration sheet: four big numbers on one sheet', async () => {
    const out = path.join(os.tmpdir(), `huibian-calibration-${process.pid}.pdf`);
    await buildBook({bookDir: sampleDir(), format: 'booklet', out, booklet: {select: [], duplex: 'short', creep: 0, calibration: true}});
    const text = async (side: number, x: number) => (await pageText(out, side, {x, y: 0, w: 421, h: 595})).replace(/\s+/g, '');
    expect([await text(1, 0), await text(1, 421), await text(2, 0), await text(2, 421)].map((t) => /^↑上边(\d)/.exec(t)?.[1])).toEqual(['4', '1', '2', '3']);
  });
});
