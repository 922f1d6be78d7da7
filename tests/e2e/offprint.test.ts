import {existsSync} from 'node:fs';
import {mkdtemp, readdir, readFile, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {buildBook} from '../../src/outputs/build-book.js';
import type {BuildResult} from '../../src/core/options.js';
import {chineseNumber} from '../../src/typography/chinese-numerals.js';
import {makeBook, smallBook} from '../helpers/book.js';
import {allPagesText, fonts, hanCounts, pdfInfo, qpdfCheck, qpdfJson, type QpdfJson, wordBoxes} from '../helpers/pdf-tools.js';
import {areas, han, root, sampleTitle, squash} from '../helpers/sample.js';
import {contentText, headingsOutOfOrder, structElements, unmarkedPainting} from '../helpers/pdf-structure.js';
import {sampleDir, sharedSample} from '../helpers/shared-sample.js';

/** A printed book and what the offprints are checked against: its pages' text, labels and bookmarks. */
interface PrintedBook {
  file: string;
  pages: string[];
  json: QpdfJson;
}

async function readBook(file: string): Promise<PrintedBook> {
  return {file, pages: await allPagesText(file), json: await qpdfJson(file)};
}

/** The label a viewer shows for page `index` (0-based): style and number, from the page label ranges. */
function labelOf(json: QpdfJson, index: number): string {
  const range = [...json.pagelabels].reverse().find((l) => l.index <= index);
  if (!range) return String(index + 1);
  const start = Number(range.label['/St'] ?? 1);
  return `${String(range.label['/S'] ?? '')}${String(range.label['/P'] ?? '')}${start + index - range.index}`;
}

/** Bookmarks as (title, 0-based page), depth first; `top` keeps the first level only. */
function bookmarks(json: QpdfJson, top = false): Array<{title: string; page: number}> {
  type Item = QpdfJson['outlines'][number];
  const walk = (items: Item[]): Array<{title: string; page: number}> =>
    items.flatMap((item) => [{title: item.title, page: item.destpageposfrom1 - 1}, ...(top ? [] : walk(item.kids))]);
  return walk(json.outlines);
}

/**
 * The pages of the section that opens on `start`, as a reader of the book would tell them: up
 * to the page before the next bookmark's, less the blank pages before it.
 */
function sectionEnd(book: PrintedBook, start: number, top = false): number {
  const next = bookmarks(book.json, top)
    .map((b) => b.page)
    .filter((page) => page > start)
    .sort((a, b) => a - b)[0];
  let end = (next ?? book.pages.length) - 1;
  while (end > start && squash(book.pages[end]!) === '') end -= 1;
  return end;
}

/** Where the bookmark titled `title` points. */
function bookmarkPage(book: PrintedBook, title: string): number {
  const found = bookmarks(book.json).find((b) => b.title === title || b.title.endsWith(`　${title}`));
  if (!found) throw new Error(`no bookmark ${title}`);
  return found.page;
}

/**
 * The offprint's pages are the book's pages from `start`, each with the same text, the first
 * with `line` besides; the labels are the book's. Compared as pdftotext reads them (white
 * space aside); `byCharacters` compares the first page's Han characters only (vertical pages,
 * whose reading order a column more may change).
 */
async function expectCutFrom(book: PrintedBook, offprint: string, start: number, line: string, {byCharacters = false} = {}): Promise<void> {
  const pages = await allPagesText(offprint);
  const json = await qpdfJson(offprint);
  pages.forEach((text, k) => {
    const printed = book.pages[start + k]!;
    if (k > 0) expect(squash(text), `page ${k + 1}`).toBe(squash(printed));
    else if (byCharacters) expect(hanCounts(text)).toEqual(hanCounts(printed + line));
    else {
      expect(squash(text)).toContain(squash(line));
      expect(squash(text).replace(squash(line), '')).toBe(squash(printed));
    }
    expect(labelOf(json, k), `label of page ${k + 1}`).toBe(labelOf(book.json, start + k));
  });
}

/** Every font embedded, none Type 3, and qpdf finds nothing wrong. */
async function expectSoundPdf(file: string): Promise<void> {
  expect((await qpdfCheck(file)).ok).toBe(true);
  const list = await fonts(file);
  expect(list.length).toBeGreaterThan(0);
  expect(list.filter((f) => f.type.includes('Type 3') || !f.embedded)).toEqual([]);
}

/** 摘自《书名》第 34–36 页, from the book's labels (the folios, in Arabic numerals). */
function lineFor(title: string, book: PrintedBook, start: number, end: number): string {
  const [first, last] = [start, end].map((page) => Number(labelOf(book.json, page).replace(/^\/D/, '')));
  return first === last ? `摘自《${title}》第 ${first} 页` : `摘自《${title}》第 ${first}–${last} 页`;
}

describe('offprints (单篇抽印本) of the sample report', () => {
  let dir: string;
  let book: PrintedBook;
  let title: string;
  const results: Record<string, BuildResult> = {};
  const out = (name: string) => path.join(dir, name);
  const offprint = (select: string, name: string, each = false) =>
    buildBook({bookDir: sampleDir(), format: 'offprint', out: out(name), offprint: {select, each}}).then((result) => {
      results[name] = result;
    });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'huibian-offprint-'));
    title = await sampleTitle();
    // The run's book first: its chunks are in the run's layout cache, the offprints print it again from there.
    book = await readBook(await sharedSample('pdf'));
    await offprint('09-qingxi-daqiao', 'by-file.pdf');
    await offprint('青溪大桥建成通车', 'by-title.pdf');
    await offprint('民生实事', 'part.pdf');
    await offprint('产业发展', 'each', true);
  }, 600_000);
  afterAll(async () => {
    if (dir) await rm(dir, {recursive: true, force: true});
  });

  it('should cut one article by its file name: its pages, each as in the book, the source line on the first', async () => {
    const start = bookmarkPage(book, '青溪大桥建成通车');
    const end = sectionEnd(book, start);
    const file = out('by-file.pdf');
    expect((await allPagesText(file)).length).toBe(end - start + 1);
    expect(results['by-file.pdf']!.pageCount).toBe(end - start + 1);
    const line = lineFor(title, book, start, end);
    await expectCutFrom(book, file, start, line);
    expect(results['by-file.pdf']!.report).toEqual([`抽印：《青溪大桥建成通车》${line.slice(line.indexOf('》') + 1)}，${end - start + 1} 页`]);
    await expectSoundPdf(file);
  });

  it('should set the line small on the folio’s line, at the inner edge of the text area, on a verso and on a recto', async () => {
    const MM = 72 / 25.4;
    const cases = [
      {file: out('by-file.pdf'), start: bookmarkPage(book, '青溪大桥建成通车')},
      {file: out('part.pdf'), start: bookmarkPage(book, '民生实事')},
    ];
    expect(new Set(cases.map((c) => c.start % 2)).size).toBe(2);
    for (const {file, start} of cases) {
      const foot = (await wordBoxes(file))[0]!.filter((w) => w.yMin > 595 - 18 * MM);
      const line = foot
        .filter((w) => /[摘自《》页]/.test(w.text) || /^\d+(–\d+)?$/.test(w.text))
        .filter((w) => w.text !== labelOf(book.json, start).replace(/^\/D/, ''));
      expect(line.map((w) => w.text).join('')).toMatch(/^摘自《.+》第\d+–\d+页$/);
      // Smaller than the folio, on the folio's line (9 mm from the foot); recto (even index): inner edge left.
      expect(line[0]!.yMax - line[0]!.yMin).toBeLessThan(4.5 * MM);
      expect(Math.abs(595 - line[0]!.yMax - 7.35 * MM)).toBeLessThan(2);
      const edge = start % 2 === 0 ? Math.min(...line.map((w) => w.xMin)) : 420 - Math.max(...line.map((w) => w.xMax));
      // The text area's inner edge is 18 mm in; the last glyph's side bearing is within a point.
      expect(Math.abs(edge - 18 * MM), file).toBeLessThan(1);
    }
  });

  it('should label the pages with the book’s folios and bookmark the article, with the article’s title and where it comes from', async () => {
    const file = out('by-file.pdf');
    const json = await qpdfJson(file);
    expect(json.pagelabels[0]!.label['/S']).toBe('/D');
    expect(json.outlines.map((o) => [o.title, o.destpageposfrom1])).toEqual([['青溪大桥建成通车', 1]]);
    const info = await pdfInfo(file);
    expect(info.Title).toBe('青溪大桥建成通车');
    expect(info.Subject).toMatch(new RegExp(`^摘自《${title}》第 \\d+–\\d+ 页$`));
    expect(info.Keywords).toContain(`摘自《${title}》`);
    expect(info.Author).toContain('林晓舟');
  });

  it('should cut the same pages when the article is named by its title', async () => {
    expect(await allPagesText(out('by-title.pdf'))).toEqual(await allPagesText(out('by-file.pdf')));
  });

  it('should cut a part from its part page to its last article’s last page, with bookmarks for each', async () => {
    const start = bookmarkPage(book, '民生实事');
    const end = sectionEnd(book, start, true);
    const file = out('part.pdf');
    expect((await allPagesText(file)).length).toBe(end - start + 1);
    await expectCutFrom(book, file, start, lineFor(title, book, start, end));
    const json = await qpdfJson(file);
    expect(json.outlines).toHaveLength(1);
    expect(json.outlines[0]!.title).toMatch(/^第三部分\s*民生实事$/);
    const kids = json.outlines[0]!.kids.map((k) => [k.title, k.destpageposfrom1 - 1 + start]);
    expect(kids.length).toBeGreaterThan(2);
    for (const [kid, page] of kids) expect(page, String(kid)).toBe(bookmarkPage(book, String(kid)));
    expect((await pdfInfo(file)).Title).toBe('民生实事');
    await expectSoundPdf(file);
  });

  it('should keep the book’s structure for the pages cut: the part’s articles as headings in order, the text in it, the rest artifacts', async () => {
    const file = out('part.pdf');
    expect((await pdfInfo(file)).Tagged).toBe('yes');
    const elements = await structElements(file);
    const titles = (await qpdfJson(file)).outlines[0]!.kids.map((k) => k.title);
    expect(headingsOutOfOrder(elements, titles, squash)).toEqual([]);
    // The structure holds the pages' text (running heads, folios and the source line are artifacts).
    const [whole, tagged] = [han((await allPagesText(file, areas.content)).join('')).length, han(contentText(elements)).length];
    expect(tagged / whole).toBeGreaterThanOrEqual(0.999);
    expect(tagged / whole).toBeLessThanOrEqual(1.001);
    expect(await unmarkedPainting(file)).toBe(0);
  });

  it('should write one PDF per article with --each, named by the manuscripts', async () => {
    const names = (await readdir(path.join(root, 'manuscripts'))).filter((n) => /^0[5-8]-/.test(n));
    expect(names.length, 'the articles of 产业发展').toBeGreaterThan(1);
    const written = (await readdir(out('each'))).sort();
    expect(written).toEqual(names.map((n) => n.replace(/\.md$/, '.pdf')).sort());
    expect(results.each!.report).toHaveLength(names.length);
    let pages = 0;
    for (const name of written) {
      const file = path.join(out('each'), name);
      const titleLine = /^title:\s*(.+)$/m.exec(await readFile(path.join(root, 'manuscripts', name.replace(/\.pdf$/, '.md')), 'utf8'))![1]!;
      const start = bookmarkPage(book, titleLine);
      const end = sectionEnd(book, start);
      await expectCutFrom(book, file, start, lineFor(title, book, start, end));
      expect((await pdfInfo(file)).Title).toBe(titleLine);
      pages += end - start + 1;
    }
    expect(results.each!.pageCount).toBe(pages);
  });

  it('should refuse a selector that names nothing, say what there is, and write nothing', async () => {
    const file = out('nothing.pdf');
    await expect(buildBook({bookDir: sampleDir(), format: 'offprint', out: file, offprint: {select: '不存在的文章', each: false}})).rejects.toThrow(
      /--select `不存在的文章` 没有对上任何稿件：可用稿件文件名（.+）、文章标题（.+）或部分名（党建引领、产业发展、民生实事、文化与乡风）/,
    );
    expect(existsSync(file)).toBe(false);
  });
});

describe('an offprint of a vertical (竖排) book with Chinese folios', () => {
  let dir: string;
  let book: PrintedBook;
  const MM = 72 / 25.4;

  beforeAll(async () => {
    dir = await makeBook(smallBook({'book.yaml': 'title: 测试村年鉴\nauthor: 测试村委会\nyear: 2025\nfolio: chinese\nparts:\n  - 村务\n  - 生活\n'}));
    await buildBook({bookDir: dir, format: 'pdf', out: path.join(dir, 'book.pdf'), writingMode: 'vertical'});
    book = await readBook(path.join(dir, 'book.pdf'));
    await buildBook({
      bookDir: dir,
      format: 'offprint',
      out: path.join(dir, 'a.pdf'),
      writingMode: 'vertical',
      offprint: {select: '村里修了一条路', each: false},
    });
  }, 300_000);
  afterAll(async () => {
    if (dir) await rm(dir, {recursive: true, force: true});
  });

  it('should cut the article’s pages with the line in Chinese numerals, set vertically in the left margin', async () => {
    const file = path.join(dir, 'a.pdf');
    const start = bookmarkPage(book, '村里修了一条路');
    const end = sectionEnd(book, start);
    const [first, last] = [start, end].map((page) => chineseNumber(Number(labelOf(book.json, page).replace(/^\/D/, ''))));
    const line = first === last ? `摘自《测试村年鉴》第${first}页` : `摘自《测试村年鉴》第${first}至${last}页`;
    expect((await allPagesText(file)).length).toBe(end - start + 1);
    await expectCutFrom(book, file, start, line, {byCharacters: true});
    // Its characters stand one below the other in one column, left of the text area.
    const [words] = await wordBoxes(file);
    const marks = ['摘', '自', '测', '鉴'].map((char) => words!.find((w) => w.text.includes(char) && w.xMax < 18 * MM)!);
    expect(marks.every(Boolean)).toBe(true);
    const xs = marks.map((w) => (w.xMin + w.xMax) / 2);
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(2);
    expect(marks.map((w) => w.yMin)).toEqual([...marks.map((w) => w.yMin)].sort((a, b) => a - b));
    const json = await qpdfJson(file);
    expect(json.outlines.map((o) => o.title)).toEqual(['村里修了一条路']);
    await expectSoundPdf(file);
  });
});
