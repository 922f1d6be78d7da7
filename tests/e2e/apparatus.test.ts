/**
 * The chronology and the index of a generated book, read back from the PDF in both writing
 * modes: every chronology line's number is the folio of the page its article opens on, and
 * every index term's numbers are exactly the pages on which the term is printed.
 */
import os from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {buildBook} from '../../src/outputs/build-book.js';
import {makeBook, manuscript} from '../helpers/book.js';
import {bookmarkPages, qpdfCheck, qpdfJson, readLines, wordBoxes} from '../helpers/pdf-tools.js';

/** Terms marked wherever they occur; no other text of the book holds them. */
const TERMS = ['青石桥', '柳湾村', '周海生', '合作社', '灌溉渠'];
/** Sentences without any of the terms' characters, to fill the articles. */
const FILLER = [
  '今年以来，各项工作稳步推进，群众的获得感不断增强。',
  '会上听取了有关情况的汇报，研究部署了下一步的重点任务。',
  '大家一致表示，要把好事办好、实事办实，让老百姓看得见、摸得着。',
  '据统计，全年完成投资一千二百万元，带动就业三百余人。',
  '工作人员逐户走访，登记需求，建立台账，做到底数清、情况明。',
];

/** Article `n` of the generated book: filler with terms dropped in at places that depend on `n`, each marked. */
function body(n: number): string {
  const paragraphs: string[] = [];
  for (let p = 0; p < 9; p++) {
    const sentences: string[] = [];
    for (let s = 0; s < 6; s++) {
      const k = n * 7 + p * 3 + s;
      sentences.push(FILLER[k % FILLER.length]!);
      if (k % 11 === 0) sentences.push(`:index[${TERMS[(k >> 1) % TERMS.length]!}]的情况也作了介绍。`);
    }
    paragraphs.push(sentences.join(''));
  }
  return paragraphs.join('\n\n');
}

const ARTICLES: Array<Record<string, string>> = [
  {title: '春耕备耕有序展开', date: '2025-03-18', author: '记者 王海燕', part: '农业'},
  {title: '夏季防汛演练', date: '2025-06-02', author: '镇应急办 赵明', part: '农业'},
  {title: '秋收进度过半', date: '2025-09-20', summary: '秋粮收获进度过半', author: '记者 王海燕', part: '农业'},
  {title: '老年食堂开张', date: '2025-04-11', author: '钱丽', part: '民生'},
  {title: '卫生院完成改造', date: '2025-04-30', author: '记者 孙文', part: '民生'},
  {title: '冬季送温暖', date: '2025-12-08', author: '钱丽', part: '民生'},
];

async function build(writingMode: 'horizontal' | 'vertical', matter: string) {
  const files: Record<string, string> = {
    'book.yaml': `title: 测试镇年鉴\nyear: 2025\nparts: [农业, 民生]\n${matter}`,
  };
  ARTICLES.forEach((a, i) => {
    files[`manuscripts/${String(i + 1).padStart(2, '0')}.md`] = manuscript(a, body(i + 1));
  });
  const dir = await makeBook(files);
  const pdf = path.join(os.tmpdir(), `huibian-apparatus-${writingMode}-${process.pid}.pdf`);
  await buildBook({bookDir: dir, format: 'pdf', out: pdf, writingMode});
  const json = await qpdfJson(pdf);
  const outline = bookmarkPages(json.outlines);
  // Folio of each physical page (0-based): from the page labels, the body counted from 1.
  const bodyStart = json.pagelabels.find((l) => l.label['/S'] === '/D')!.index;
  const folio = (page: number) => page - bodyStart + 1;
  const words = await wordBoxes(pdf);
  const index = outline.get('索引')!;
  const lines = words.map((page, i) => readLines(page, writingMode, i >= index));
  // A section's pages: from its bookmark to the next bookmark's page.
  const starts = [...new Set(outline.values())].sort((a, b) => a - b);
  const section = (title: string) => lines.slice(outline.get(title)!, starts.find((page) => page > outline.get(title)!) ?? lines.length);
  return {pdf, lines, folio, outline, section, bodyStart};
}

/**
 * The index's entries as `term → locator text`, a wrapped entry's lines joined (a line that
 * begins with a number or a comma goes on the line before).
 */
function indexEntries(lines: string[]): Map<string, string> {
  const entries: string[] = [];
  for (const line of lines) {
    if (/^[\d，–]/.test(line) && entries.length > 0) entries[entries.length - 1] += line;
    else entries.push(line);
  }
  const pairs = entries.map((entry) => /^(\D+?)([\d，–]+)$/.exec(entry)).filter((match) => match !== null);
  return new Map(pairs.map((match): [string, string] => [match[1]!, match[2]!]));
}

/** The numbers a locator list prints, ranges expanded: `5，12–14` → 5, 12, 13, 14. */
function expand(list: string): number[] {
  return list
    .split('，')
    .filter(Boolean)
    .flatMap((part) => {
      const [from, to = from] = part.split('–').map(Number) as [number, number?];
      return Array.from({length: to! - from + 1}, (_, i) => from + i);
    });
}

// Horizontal: both after the articles; vertical: the chronology in the front matter, both engines' two ways.
describe.each([
  ['horizontal', 'backMatter: [chronology, index]\n'],
  ['vertical', 'frontMatter: [chronology]\nbackMatter: [index]\n'],
] as const)('chronology and index, %s, %s', (mode, matter) => {
  let book: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    book = await build(mode, matter);
  }, 240_000);

  it('should list both in the outline where book.yaml puts them, and pass qpdf', async () => {
    const titles = [...book.outline.keys()];
    expect(titles.at(-1)).toBe('索引');
    if (matter.startsWith('front')) {
      // After the contents, before the body: numbered with the front matter.
      expect(titles.slice(0, 2)).toEqual(['目录', '大事记']);
      expect(book.outline.get('大事记')!).toBeLessThan(book.bodyStart);
    } else expect(titles.at(-2)).toBe('大事记');
    expect(book.outline.get('索引')!).toBeGreaterThan(book.outline.get('冬季送温暖')!);
    expect((await qpdfCheck(book.pdf)).ok).toBe(true);
  });

  it('should give each dated article one line, by date, with the folio of its opening page', () => {
    const lines = book.section('大事记').flat();
    const byDate = [...ARTICLES].sort((a, b) => a.date!.localeCompare(b.date!));
    const entries = lines.filter((line) => /^\d+日/.test(line));
    expect(entries).toHaveLength(byDate.length);
    entries.forEach((line, i) => {
      const article = byDate[i]!;
      const text = article.summary ?? article.title!;
      expect(line).toBe(`${Number(article.date!.slice(8))}日${text}${book.folio(book.outline.get(article.title!)!)}`);
    });
    const months = lines.filter((line) => /^[一二三四五六七八九十]+月$/.test(line));
    expect(months).toEqual(['三月', '四月', '六月', '九月', '十二月']);
  });

  it('should give each term exactly the pages it is printed on, ranges joined', () => {
    const entries = indexEntries(book.lines.slice(book.outline.get('索引')!).flat());
    const first = book.outline.get('春耕备耕有序展开')!;
    const body = book.lines
      .slice(first, Math.min(...['大事记', '索引'].map((t) => book.outline.get(t)!).filter((page) => page > first)))
      .map((page) => page.join(''));
    for (const term of TERMS) {
      const printed = body.flatMap((text, i) => (text.includes(term) ? [book.folio(first + i)] : []));
      const listed = entries.get(term);
      if (printed.length === 0) {
        expect(listed, term).toBeUndefined();
        continue;
      }
      expect(listed, term).toBeDefined();
      expect(expand(listed!), term).toEqual(printed);
      // Consecutive pages are one range: no part begins right after the one before it ends.
      const parts = listed!.split('，').map((part) => part.split('–').map(Number));
      for (let i = 1; i < parts.length; i++) expect(parts[i]![0]! - parts[i - 1]!.at(-1)!, term).toBeGreaterThan(1);
    }
    expect([...entries.keys()].filter((term) => TERMS.includes(term)).length).toBeGreaterThanOrEqual(4);
    // The authors' section: each person at the pages their articles open on; a unit before a role word is no author.
    const opening = (title: string) => book.folio(book.outline.get(title)!);
    expect(expand(entries.get('王海燕')!)).toEqual([opening('春耕备耕有序展开'), opening('秋收进度过半')]);
    expect(expand(entries.get('赵明')!)).toEqual([opening('夏季防汛演练')]);
    expect(entries.has('镇应急办')).toBe(false);
  });
});
