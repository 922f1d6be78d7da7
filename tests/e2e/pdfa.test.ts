import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {buildBook} from '../../src/outputs/build-book.js';
import {pdfaProblems} from '../helpers/pdfa-check.js';
import {allPagesText, qpdfCheck} from '../helpers/pdf-tools.js';
import {structElements} from '../helpers/pdf-structure.js';
import {runFolder, sampleDir, sharedSample} from '../helpers/shared-sample.js';

// `--pdfa` (issue 23): the sample report for the archive, PDF/A-2a, the same book as the PDF for the screen.
describe('the sample report as PDF/A', () => {
  let out: string;
  beforeAll(async () => {
    // Built after the shared PDF, whose layout the run's cache then holds.
    await sharedSample('pdf');
    out = runFolder('sample-pdfa.pdf');
    await buildBook({bookDir: sampleDir(), format: 'pdf', out, pdfa: true});
  });

  it('should pass every PDF/A-2a check made here, and qpdf --check', async () => {
    expect(await pdfaProblems(out, 'A')).toEqual([]);
    expect((await qpdfCheck(out)).ok).toBe(true);
  });

  it('should print the same pages as the PDF for the screen, still tagged', async () => {
    const screen = await allPagesText(await sharedSample('pdf'));
    expect(await allPagesText(out)).toEqual(screen);
    expect((await structElements(out)).filter((e) => e.type === 'H1').length).toBeGreaterThan(10);
  });

  it('should make a vertical book PDF/A-2a, tagged as well', async () => {
    const vertical = runFolder('sample-vertical-pdfa.pdf');
    await buildBook({bookDir: sampleDir(), format: 'pdf', out: vertical, pdfa: true, writingMode: 'vertical'});
    expect(await pdfaProblems(vertical, 'A')).toEqual([]);
    expect((await qpdfCheck(vertical)).ok).toBe(true);
  });

  it('should be told from the screen PDF only by what PDF/A adds', async () => {
    expect(path.basename(out)).toBe('sample-pdfa.pdf');
    // The screen PDF is no PDF/A: the checks find what it lacks.
    const problems = await pdfaProblems(await sharedSample('pdf'), 'A');
    expect(problems).toEqual(expect.arrayContaining(['6.1.3 trailer ID', '6.2.3 output intent', '6.6.2.1 metadata stream']));
  });
});
