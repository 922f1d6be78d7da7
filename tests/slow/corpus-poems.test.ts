import {beforeAll, describe, expect, it} from 'vitest';
import {authorNames} from '../../src/book/book-index.js';
import {compileBook} from '../../src/book/compile.js';
import {loadConfig} from '../../src/config/load.js';
import {articlesOf} from '../../src/model/book.js';
import {buildCorpusBook, expectCleanLines, type MeasuredBook} from '../helpers/corpus-check.js';
import {qpdfJson, readLines, wordBoxes} from '../helpers/pdf-tools.js';
import {makePoemsBook} from '../helpers/corpus.js';

// Issue 9: classical poems (Tang 300, Song 100 of fortunes-zh), the text of a vertical book,
// built vertically and measured on the printed pages (`npm run corpus` builds it horizontally
// too: 177 pages, nothing found, not worth the minute it takes on every test run).
describe('the Tang and Song poems as a book (real text, issue 9)', () => {
  let book: MeasuredBook;

  beforeAll(async () => {
    book = await buildCorpusBook(makePoemsBook, 'vertical');
  });

  it('should build into at least 150 pages, warning about the characters no font has (𡵓)', () => {
    expect(book.result.pageCount).toBeGreaterThanOrEqual(150);
    const uncovered = book.result.files.flatMap((f) => f.messages).filter((m) => m.ruleId === 'font-coverage');
    expect(uncovered.map((m) => m.reason).join('')).toContain('𡵓');
  });

  it('should leave no column that breaks a rule of issue 9', () => expectCleanLines(book));

  it('should end with an index of every poet, by pinyin with surname readings, at the pages of their poems', async () => {
    const json = await qpdfJson(book.result.out);
    const start = json.outlines.find((o) => o.title === '索引')!.destpageposfrom1;
    const pages = (await wordBoxes(book.result.out)).slice(start - 1);
    const text = pages.map((words) => readLines(words, 'vertical', true).join('\n')).join('\n');
    const {book: compiled} = await compileBook(await loadConfig(book.dir));
    const poets = new Set(articlesOf(compiled).flatMap((poem) => authorNames(poem.author)));
    expect(poets.size).toBeGreaterThan(80);
    for (const poet of poets) expect(text, poet).toContain(poet);
    // 曾 (zēng) as a surname: under Z, after 元稹; 岑参 (cén) under C.
    expect(text.indexOf('元稹')).toBeLessThan(text.indexOf('曾巩'));
    expect(text.indexOf('岑参')).toBeLessThan(text.indexOf('杜甫'));
  });
});
