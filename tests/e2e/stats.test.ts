import {readFile, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {loadBook} from '../../src/core/load-book.js';
import {articlesOf, type Book} from '../../src/model/book.js';
import {articlePages, printBook} from '../../src/core/print-book.js';
import type {Layout} from '../../src/render/pdf/engine.js';
import {makeBook, manuscript, smallBook} from '../helpers/book.js';
import {huibian} from '../helpers/cli.js';
import {readManuscripts} from '../helpers/sample.js';
import {sampleDir, sharedSample} from '../helpers/shared-sample.js';

const csvPath = path.join(os.tmpdir(), `huibian-stats-${process.pid}.csv`);

/** A manuscript of the sample read the plain way: what its count covers, its images and its month. */
interface Plain {
  title: string;
  text: string;
  images: number;
  month: string;
}

/** Title, subtitle and body of each sample manuscript, with the Markdown syntax taken out by regular expressions. */
async function plainManuscripts(): Promise<Plain[]> {
  return (await readManuscripts()).map(({field, body}) => {
    const text = body
      .replace(/^\|?\s*:?-{3,}.*$/gm, '') // table rule rows
      .replace(/\|/g, '\n') // table cells apart
      .replace(/^#{1,6}\s+/gm, '') // heading marks
      .replace(/^\d+\.\s+/gm, '') // list numbers: the book numbers the list itself
      .replace(/^>\s?/gm, '') // quote marks
      .replace(/\*\*/g, '') // bold
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // an image: its alt text is the caption when no ▲ line follows
      .replace(/^▲/gm, '') // the caption line's triangle
      .replace(/\[\^\d+\]:?/g, '') // footnote calls and the labels of the notes
      .replace(/:[a-z]+\[([^\]]*)\](?:\{[^}]*\})?/g, '$1'); // :index[词], :dots[词] …: the text stays
    return {
      title: field('title'),
      text: `${field('title')}\n${field('subtitle')}\n${text}`,
      images: (body.match(/!\[/g) ?? []).length,
      month: field('date').slice(0, 7),
    };
  });
}

/**
 * The count of docs/stats.md said another way: take out the runs of letters and digits
 * (ASCII marks between them included), one each; then every character left that is neither
 * ASCII nor white space is one.
 */
function plainCount(text: string): number {
  const runs = text.match(/[A-Za-z0-9]+(?:[!-/:-@[-`{-~]+[A-Za-z0-9]+)*/g) ?? [];
  const rest = text.replace(/[A-Za-z0-9]+(?:[!-/:-@[-`{-~]+[A-Za-z0-9]+)*/g, ' ');
  return runs.length + (rest.match(/[^\s\x21-\x7e]/gu) ?? []).length;
}

/** Rows of an RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  expect(field, 'the CSV ends with CRLF').toBe('');
  return rows;
}

let csvBytes: Buffer;
let csv: string[][];
let month: {code: number; stdout: string; stderr: string};
let plain: Plain[];
let book: Book;
let layout: Layout;

describe('huibian stats on the sample report', () => {
  beforeAll(async () => {
    // The run's sample PDF first: its layout is then in the run's cache, which stats reads.
    await sharedSample('pdf');
    const run = await huibian(['stats', sampleDir(), '--csv', csvPath]);
    expect(run.stderr).toContain('完成：');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    csvBytes = await readFile(csvPath);
    csv = parseCsv(csvBytes.subarray(3).toString('utf8'));
    // The layout is cached by now: these two are quick.
    month = await huibian(['stats', sampleDir(), '--by', 'month']);
    plain = await plainManuscripts();
    ({book} = await loadBook({bookDir: sampleDir()}));
    ({layout} = await printBook(book, {}, {}));
  }, 600_000);

  afterAll(() => rm(csvPath, {force: true}));

  it('should write a CSV that WPS and Excel open: BOM, CRLF, a header, one row per article and a total', () => {
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvBytes.toString('utf8')).not.toMatch(/[^\r]\n/);
    expect(csv[0]).toEqual(['篇名', '字数', '图片', '页数', '起页', '止页']);
    expect(csv).toHaveLength(1 + plain.length + 1);
    expect(csv.at(-1)![0]).toBe(`合计（${plain.length} 篇）`);
    // In book order: the titles as the model has them.
    expect(csv.slice(1, -1).map((row) => row[0])).toEqual(articlesOf(book).map((a) => a.title));
  });

  it('should count each article as the same rule counted another way over its manuscript', () => {
    for (const row of csv.slice(1, -1)) {
      const manuscript = plain.find((m) => m.title === row[0]);
      expect(manuscript, row[0]).toBeDefined();
      expect(Number(row[1]), `${row[0]} 字数`).toBe(plainCount(manuscript!.text));
      expect(Number(row[2]), `${row[0]} 图片`).toBe(manuscript!.images);
    }
    const total = csv.at(-1)!;
    expect(Number(total[1])).toBe(plain.reduce((n, m) => n + plainCount(m.text), 0));
    expect(Number(total[2])).toBe(plain.reduce((n, m) => n + m.images, 0));
    // A sample of some thousands of characters, not a count of bytes or code units.
    expect(Number(total[1])).toBeGreaterThan(10_000);
    expect(Number(total[1])).toBeLessThan(plain.reduce((n, m) => n + [...m.text].length, 0));
  });

  it('should give each article the pages articlePages gives it, in order, without overlap', () => {
    const ranges = articlePages(book, layout);
    const rows = csv.slice(1, -1);
    let previousLast = 0;
    articlesOf(book).forEach((article, i) => {
      const [, , , pages, first, last] = rows[i]!.map(Number);
      const range = ranges.get(article.id)!;
      expect(first, article.title).toBe(range.first - layout.bodyStart + 1);
      expect(last, article.title).toBe(range.last - layout.bodyStart + 1);
      expect(pages, article.title).toBe(last! - first! + 1);
      expect(pages).toBeGreaterThanOrEqual(1);
      // articleStart: page — every article opens on a page of its own.
      expect(first!).toBeGreaterThan(previousLast);
      previousLast = last!;
    });
    const sum = rows.reduce((n, row) => n + Number(row[3]), 0);
    expect(Number(csv.at(-1)![3])).toBe(sum);
    // From the first article to the last, a page no article takes is a part's title page or a blank.
    const taken = new Set([...ranges.values()].flatMap(({first, last}) => Array.from({length: last - first + 1}, (_, i) => first + i)));
    const partPages = new Set(book.parts.map((part) => layout.anchors[part.id]));
    const pages = [...ranges.values()];
    for (let page = pages[0]!.first; page <= pages.at(-1)!.last; page++) {
      if (!taken.has(page)) expect(partPages.has(page) || layout.blanks.includes(page), `page ${page}`).toBe(true);
    }
    expect(taken.size).toBe(sum);
  });

  it('should list the months in date order with the same totals as the article table', () => {
    expect(month.code).toBe(0);
    expect(month.stderr).toContain(`全书 ${layout.pageCount} 页`);
    const lines = month.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^月份\s+篇数\s+字数\s+图片\s+页数$/);
    const rows = lines.slice(1, -2).map((line) => line.trim().split(/\s+/));
    const expected = [...new Set(plain.map((m) => m.month))].sort();
    expect(rows.map((row) => row[0])).toEqual(expected.map((key) => `${key.slice(0, 4)}年${Number(key.slice(5))}月`));
    for (const [i, row] of rows.entries()) expect(Number(row[1]), row[0]).toBe(plain.filter((m) => m.month === expected[i]).length);
    expect(lines.at(-2)).toMatch(/^-+$/);
    const total = csv.at(-1)!;
    expect(lines.at(-1)!.split(/\s+/)).toEqual(['合计', String(plain.length), total[1], total[2], total[3]]);
    // Aligned: every row ends at the same column (the numbers are right-aligned ASCII).
    expect(new Set(lines.filter((line) => !/^-+$/.test(line)).map((line) => line.replace(/[^ -~]/g, 'xx').length)).size).toBe(1);
  });
});

describe('huibian stats with bad input', () => {
  it('should name the allowed groupings for an unknown --by, before reading the book', async () => {
    const result = await huibian(['stats', sampleDir(), '--by', 'week']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('未知的统计方式 `week`');
    for (const by of ['article', 'author', 'source', 'part', 'month']) expect(result.stderr).toContain(by);
    expect(result.stderr).not.toContain('解析稿件');
  });

  it('should show manuscript errors at their place, as build does, and write no CSV', async () => {
    const dir = await makeBook(smallBook({'manuscripts/03-bad.md': manuscript({date: '2025-02-30', part: '村务'}, '正文。')}));
    const out = path.join(dir, 'stats.csv');
    const result = await huibian(['stats', dir, '--csv', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/manuscripts\/03-bad\.md:\d+:\d+: error: /);
    expect(result.stderr).toMatch(/✖ \d+ 处错误，未生成任何输出/);
    await expect(readFile(out)).rejects.toThrow();
    await rm(dir, {recursive: true, force: true});
  });
});
