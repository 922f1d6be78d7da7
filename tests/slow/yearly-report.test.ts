import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {buildBook} from '../../src/outputs/build-book.js';
import {pdfInfo, qpdfCheck} from '../helpers/pdf-tools.js';
import {charactersInTwoSubsets, structElements, unmarkedPainting} from '../helpers/pdf-structure.js';
import {makeYearlyBook} from '../helpers/yearly-book.js';

// A yearly report at full size: 330 articles, 500-odd A5 pages, an index whose 来源 section
// lists one source on a hundred pages.
describe('a yearly report of 330 articles', () => {
  let dir: string;
  let out: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'huibian-yearly-'));
    await makeYearlyBook(dir, 330);
    out = path.join(dir, 'build', 'book.pdf');
    // Paged.js repeated index entries when a letter's entries were held in one column, and the build stopped.
    await buildBook({bookDir: dir, format: 'pdf', out});
  });
  afterAll(() => rm(dir, {recursive: true, force: true}));

  it('should print it as one tagged document, over 500 pages, qpdf clean', async () => {
    const info = await pdfInfo(out);
    expect(Number(info.Pages)).toBeGreaterThan(500);
    expect(info.Tagged).toBe('yes');
    expect((await qpdfCheck(out)).ok).toBe(true);
    expect((await structElements(out)).filter((e) => e.type === 'H1').length).toBeGreaterThan(330);
  });

  it('should embed each font slice once and leave nothing unmarked', async () => {
    expect(await charactersInTwoSubsets(out)).toEqual({});
    expect(await unmarkedPainting(out)).toBe(0);
  });
});
