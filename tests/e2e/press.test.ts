import {execFile} from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {buildBook} from '../../src/outputs/build-book.js';
import {makeBook, smallBook} from '../helpers/book.js';
import {allPagesText, fonts, qpdfJson} from '../helpers/pdf-tools.js';

const run = promisify(execFile);
const MM = 72 / 25.4;

/** `pdfinfo -box` of one page: each box as [x0, y0, x1, y1]. */
async function boxes(file: string, page: number): Promise<Record<string, number[]>> {
  const {stdout} = await run('pdfinfo', ['-box', '-f', String(page), '-l', String(page), file]);
  return Object.fromEntries([...stdout.matchAll(/Page\s+\d+\s+(\w+Box):\s+([\d.\s-]+)/g)].map((m) => [m[1]!, m[2]!.trim().split(/\s+/).map(Number)]));
}

describe('the press PDF', () => {
  it('should set TrimBox to the page, BleedBox 3 mm around it, MediaBox around both with room for marks; no annotations', async () => {
    const dir = await makeBook(smallBook());
    const out = path.join(os.tmpdir(), `huibian-press-${process.pid}.pdf`);
    await buildBook({bookDir: dir, format: 'pdf', out, press: {bleed: 3, marks: true}});
    for (const page of [1, 5, 8]) {
      const b = await boxes(out, page);
      const [tx0, ty0, tx1, ty1] = b.TrimBox!;
      expect(tx1! - tx0!).toBeCloseTo(148 * MM, 0);
      expect(ty1! - ty0!).toBeCloseTo(210 * MM, 0);
      const [bx0, by0, bx1, by1] = b.BleedBox!;
      expect(tx0! - bx0!).toBeCloseTo(3 * MM, 1);
      expect(by1! - ty1!).toBeCloseTo(3 * MM, 1);
      const [mx0, my0, mx1, my1] = b.MediaBox!;
      expect(mx0! <= bx0! && my0! <= by0! && mx1! >= bx1! && my1! >= by1!).toBe(true);
      expect(bx0! - mx0!).toBeGreaterThan(7 * MM); // crop marks sit outside the bleed
    }
    const json = await qpdfJson(out);
    expect(JSON.stringify(json.qpdf[1])).not.toContain('/Annots');
    expect((await fonts(out)).filter((f) => f.type.includes('Type 3'))).toEqual([]);
  });

  it('should make PDF/X-1a through Ghostscript, gray with K-only text, boxes kept, text still text', async () => {
    const dir = await makeBook(smallBook());
    const out = path.join(os.tmpdir(), `huibian-pdfx-${process.pid}.pdf`);
    await buildBook({bookDir: dir, format: 'pdf', out, press: {bleed: 3, marks: false, pdfx: 'gray'}});
    const {stdout} = await run('pdfinfo', [out]);
    expect(stdout).toMatch(/PDF subtype:\s+PDF\/X-1:2001/);
    expect((await allPagesText(out)).join('')).toContain('村里修了一条路');
    expect((await boxes(out, 5)).TrimBox![2]! - (await boxes(out, 5)).TrimBox![0]!).toBeCloseTo(148 * MM, 0);
    const ink = await run('gs', ['-q', '-o', '-', '-sDEVICE=ink_cov', '-dFirstPage=5', '-dLastPage=5', out]);
    const [c, m, y, k] = ink.stdout.trim().split(/\s+/).map(Number);
    expect([c, m, y]).toEqual([0, 0, 0]);
    expect(k).toBeGreaterThan(0);
  });
});
