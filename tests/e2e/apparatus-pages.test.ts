/**
 * Issue 21: the pages of the contents, the chronology (大事记) and the index (索引), measured
 * from the glyphs' positions: a vertical book whose contents run over several pages, with
 * both after the articles, and a small horizontal book with an index.
 */
import os from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {buildBook} from '../../src/outputs/build-book.js';
import {makeBook, manuscript} from '../helpers/book.js';
import {readPageLines} from '../helpers/page-lines.js';
import {bookmarkPages, qpdfJson, type Word, wordBoxes} from '../helpers/pdf-tools.js';
import {type Column, earlyEnds, pageColumns, pitchOf, sectionPages} from '../helpers/vertical-pages.js';

const MM = 72 / 25.4;
/** A5 in points. */
const PAGE = {width: 420, height: 595};

/** Terms of distinct pinyin initials (some share one), each marked in several articles. */
const TERMS = [
  ...'安置房 病虫害 茶园 村史馆 电商 稻田 防汛 灌溉渠 合作社 家庭医生 库区 龙舟 柳湾村'.split(' '),
  ...'民宿 梅岭村 农机 排涝站 青石桥 人居环境 水车 梯田 桃坪村 网格 乡贤 移风易俗 种粮大户'.split(' '),
];
const AUTHORS = '安志刚 包丽华 陈海 邓文 方敏 高翔 何琳 江涛 孔燕 刘明 马骏 宁静'.split(' ');
/** Two sources: the index's last section is a short one, two groups (Y, Z). */
const SOURCES = ['镇融媒体中心', '云岭日报'];
const SUBJECTS = '春耕备耕 防汛演练 秋收进度 老年食堂 卫生院改造 冬季送温暖 村道硬化 茶叶分红 龙舟竞渡 村史馆开放 网格治理 乡贤议事'.split(' ');
const OUTCOMES = ['工作有序展开', '情况通报', '取得新进展'];
const PARTS = ['农业', '民生', '文化'];

/** `count` one-page articles, three a month, each marking three terms. */
function articles(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const marks = [0, 1, 2].map((k) => `:index[${TERMS[(i * 3 + k * 7) % TERMS.length]!}]`);
    const body = `今年以来，${marks[0]}的各项工作稳步推进，${marks[1]}的情况也作了介绍。大家一致表示，要把${marks[2]}的事办好、办实。`;
    const matter = {
      title: `${SUBJECTS[i % SUBJECTS.length]!}${OUTCOMES[Math.floor(i / SUBJECTS.length) % OUTCOMES.length]!}`,
      date: `2025-${String(Math.floor(i / 3) + 1).padStart(2, '0')}-${String((i % 3) * 9 + 3).padStart(2, '0')}`,
      author: `记者 ${AUTHORS[i % AUTHORS.length]!}`,
      source: SOURCES[i % SOURCES.length]!,
      part: PARTS[i % PARTS.length]!,
    };
    files[`manuscripts/${String(i + 1).padStart(2, '0')}.md`] = manuscript(matter, body);
  }
  return files;
}

/** Build the book of `count` articles; returns the PDF and the page of each bookmark. */
async function build(writingMode: 'horizontal' | 'vertical', count: number, matter: string) {
  const dir = await makeBook({'book.yaml': `title: 测试镇年鉴\nyear: 2025\nparts: [${PARTS.join(', ')}]\n${matter}\n`, ...articles(count)});
  const pdf = path.join(os.tmpdir(), `huibian-apparatus-pages-${writingMode}-${process.pid}.pdf`);
  await buildBook({bookDir: dir, format: 'pdf', out: pdf, writingMode});
  return {pdf, bookmarks: bookmarkPages((await qpdfJson(pdf)).outlines)};
}

/** An index's group letters: `0–9`, or a Latin capital. */
const isLetter = (text: string) => /^([A-Z]|0–9)$/.test(text);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

describe('the contents, chronology and index of a vertical book (issue 21)', () => {
  let pages: Column[][];
  /** The same pages with each band's columns apart, the upper band's first. */
  let banded: Column[][];
  let bookmarks: Map<string, number>;
  const section = (title: string) => sectionPages(pages, bookmarks, title);

  beforeAll(async () => {
    // 36 articles in three parts: a contents of three vertical pages.
    const book = await build('vertical', 36, 'backMatter: [chronology, index]');
    const lines = await readPageLines(book.pdf, {writingMode: 'vertical'});
    bookmarks = book.bookmarks;
    pages = pageColumns(lines);
    banded = pageColumns(lines, true);
  }, 240_000);

  it('should run the contents, the chronology and the index over several pages each', () => {
    for (const title of ['目录', '大事记', '索引']) expect(section(title).length, title).toBeGreaterThanOrEqual(2);
  });

  // Defect 7: each line's dot leader was 2 em wide (`min-width`, the width of a column in
  // vertical text), so each line of the contents and the chronology took 2.1 em, not its line
  // height: 13 lines to a page of the contents instead of 19.
  it('should set the lines of the contents and the chronology one line height apart', () => {
    for (const [title, lineHeight] of [
      ['目录', 1.5],
      ['大事记', 1.6],
    ] as const) {
      for (const {page, columns} of section(title)) {
        const em = median(columns.map((column) => column.em));
        expect(pitchOf(columns) / em, `${title}, page ${page + 1}`).toBeLessThan(lineHeight + 0.15);
      }
    }
  });

  // Found with defect 7: the rule for the lists of articles in vertical books outweighed the
  // contents', chronology's and index's own, indenting their lines and spacing their lists.
  it("should indent the contents' articles 2 em under their part, the chronology's and index's lines not at all", () => {
    const after = (columns: Column[], found: (column: Column) => boolean) => {
      const at = columns.findIndex(found);
      return columns[at + 1]!.top - columns[at]!.top;
    };
    const toc = section('目录')[0]!.columns;
    expect(after(toc, (column) => column.text.startsWith('第一部分')) / 10).toBeCloseTo(2, 0);
    expect(after(section('大事记')[0]!.columns, (column) => column.text === '一月')).toBeLessThan(1);
    expect(after(banded[bookmarks.get('索引')!]!, (column) => column.text === 'A')).toBeLessThan(1);
  });

  it('should fill every page of the contents, chronology and index that goes on overleaf', () => {
    for (const title of ['目录', '大事记', '索引']) expect(earlyEnds(section(title)), title).toEqual([]);
  });

  // Defect 8: the headings stood in the middle of the page height (centred, as in horizontal books).
  it('should set the headings of the contents, chronology and index at the head of their column', () => {
    const headings = ['目录', '大事记', '索引', '主题索引', '作者索引', '来源索引'];
    const found = pages.flatMap((columns) => columns.filter((column) => headings.includes(column.text)));
    expect(found.map((column) => column.text).sort()).toEqual([...headings].sort());
    // The text area's head: 18 mm, and the 8 px (6 pt) of the body's margin that Chromium keeps.
    for (const column of found) expect(column.top - (18 * MM + 6), column.text).toBeLessThan(column.em / 2);
  });

  it("should set each index section's groups after its heading, upper band then lower band, right to left", () => {
    for (const heading of ['主题索引', '作者索引', '来源索引']) {
      const page = pages.findIndex((columns) => columns.some((column) => column.text === heading));
      const headings = pages[page]!.filter((column) => column.text.endsWith('索引'));
      const at = headings.find((column) => column.text === heading)!.centre;
      // The section's columns on its heading's page: left of its heading, right of the next one.
      const next = Math.max(0, ...headings.filter((column) => column.centre < at).map((column) => column.centre));
      const letters = banded[page]!.filter((column) => isLetter(column.text) && column.centre < at && column.centre > next);
      expect(letters.length, heading).toBeGreaterThanOrEqual(2);
      const read = letters.map((column) => column.text);
      expect(read, heading).toEqual([...read].sort());
    }
  });
});

describe('the index of a horizontal book (issue 21)', () => {
  let index: Word[][];

  beforeAll(async () => {
    const book = await build('horizontal', 12, 'backMatter: [index]');
    index = (await wordBoxes(book.pdf)).slice(book.bookmarks.get('索引')!).filter((words) => words.length > 0);
  }, 240_000);

  // Defect 9: the first letter of the left column kept its space above, the right column's lost
  // it at the column break (Paged.js rewrites `:first-of-type` rules into weaker ones).
  it('should start both columns of each index section at the same height', () => {
    let compared = 0;
    for (const words of index) {
      const headings = words.filter((word) => word.text.endsWith('索引')).map((word) => word.yMax);
      const blocks = [0, ...headings, PAGE.height].sort((a, b) => a - b);
      for (let i = 1; i < blocks.length; i++) {
        const letters = words.filter((word) => isLetter(word.text) && word.yMin > blocks[i - 1]! && word.yMax < blocks[i]!);
        const left = letters.filter((word) => word.xMax < PAGE.width / 2).map((word) => word.yMin);
        const right = letters.filter((word) => word.xMin > PAGE.width / 2).map((word) => word.yMin);
        if (left.length === 0 || right.length === 0) continue;
        expect(Math.abs(Math.min(...left) - Math.min(...right))).toBeLessThan(1);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(2);
  });
});
