import {beforeAll, describe, expect, it} from 'vitest';
import {buildCorpusBook, expectCleanLines, type MeasuredBook} from '../helpers/corpus-check.js';
import {makePoemsBook} from '../helpers/corpus.js';

// Issue 9: classical poems (Tang 300, Song 100 of fortunes-zh), the text of a vertical book,
// built vertically and measured on the printed pages (`npm run corpus` builds it horizontally
// too: 177 pages, nothing found, not worth the minute it takes on every test run).
describe('the Tang and Song poems as a book (real text, issue 9)', () => {
  let book: MeasuredBook;

  beforeAll(async () => {
    book = await buildCorpusBook(makePoemsBook, 'vertical');
  }, 300_000);

  it('should build into at least 150 pages, warning about the characters no font has (𡵓)', () => {
    expect(book.result.pageCount).toBeGreaterThanOrEqual(150);
    const uncovered = book.result.files.flatMap((f) => f.messages).filter((m) => m.ruleId === 'font-coverage');
    expect(uncovered.map((m) => m.reason).join('')).toContain('𡵓');
  });

  it('should leave no column that breaks a rule of issue 9', () => expectCleanLines(book));
});
