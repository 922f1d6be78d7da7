import {beforeAll, describe, expect, it} from 'vitest';
import {buildCorpusBook, expectCleanLines, type MeasuredBook} from '../helpers/corpus-check.js';
import {makeDebianBook} from '../helpers/corpus.js';
import {bodyLeftEdges, pdfInfo, qpdfJson, wordBoxes} from '../helpers/pdf-tools.js';

// Issue 9: modern prose nobody here wrote — the Debian New Maintainers' Guide, with Latin terms,
// paths, URLs, numbers and footnotes — built in both writing modes and measured on the printed
// pages. (`npm run corpus` adds the Debian FAQ: twice the pages, too slow for every test run.)
const makeGuide: typeof makeDebianBook = (dir, options) => makeDebianBook(dir, {...options, manuals: ['maint']});

describe('the Debian New Maintainers’ Guide as a book (real text, issue 9)', () => {
  const books: Partial<Record<'horizontal' | 'vertical', MeasuredBook>> = {};

  beforeAll(async () => {
    books.horizontal = await buildCorpusBook(makeGuide, 'horizontal');
    books.vertical = await buildCorpusBook(makeGuide, 'vertical');
  });

  for (const mode of ['horizontal', 'vertical'] as const) {
    it(`should build ${mode}ly into at least 150 pages with every line measured`, () => {
      const book = books[mode]!;
      expect(book.result.pageCount).toBeGreaterThanOrEqual(150);
      expect(book.report.lines).toBeGreaterThan(2000);
    });

    it(`should leave no line ${mode}ly that breaks a rule of issue 9`, () => expectCleanLines(books[mode]!));

    // Issue 23: one print of the whole book, not its pieces put together (untagged).
    it(`should print the ${mode} book as one tagged document`, async () => {
      expect((await pdfInfo(books[mode]!.pdf)).Tagged).toBe('yes');
    });
  }

  // Laid out in chunks, some of which land on a verso and take its margins (the sample is one chunk).
  it('should set every page’s text at its own side’s margin in the horizontal book', async () => {
    const {pdf} = books.horizontal!;
    const bodyStart = (await qpdfJson(pdf)).pagelabels.find((l) => l.label['/S'] === '/D')!.index;
    const edges = bodyLeftEdges(await wordBoxes(pdf), bodyStart);
    // No page at the other side's margin; a page of list items or a part title begins further in.
    expect(edges.filter(({page, left}) => left === (page % 2 === 1 ? 15 : 18))).toEqual([]);
    expect(edges.filter(({page, left}) => left === (page % 2 === 1 ? 18 : 15)).length).toBeGreaterThan(edges.length * 0.85);
    expect(edges.length).toBeGreaterThan(100);
  });

  it('should set the guide’s notes on the pages of their calls in the vertical book too (defect 6)', () => {
    const notes = books.vertical!.result.notes;
    expect(notes?.problem).toBeUndefined();
    expect(notes?.notes).toBeGreaterThan(50);
  });
});
