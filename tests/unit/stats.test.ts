import type {ElementContent} from 'hast';
import {h} from 'hastscript';
import {describe, expect, it} from 'vitest';
import {displayWidth, formatCsv, formatTable} from '../../src/cli/table.js';
import type {Article, Book} from '../../src/model/book.js';
import type {Layout} from '../../src/render/pdf/engine.js';
import {sourceName} from '../../src/book/book-index.js';
import {bookStats, countArticle} from '../../src/outputs/stats.js';

function article(id: string, matter: Partial<Article>, body: ElementContent[], notes: ElementContent[][] = []): Article {
  return {
    id,
    title: '',
    runningHead: '',
    tags: [],
    file: `manuscripts/${id}.md`,
    body: h(null, body),
    footnotes: notes.map((children, i) => ({id: `${id}-fn-${i + 1}`, refId: `${id}-fnref-${i + 1}`, label: String(i + 1), children})),
    ...matter,
  };
}

// Counts by hand in the comments.
const preface = article('a1', {title: '写在前面'}, [h('p', '这是一本小书。')]); // 4 + 7 = 11
const road = article(
  'a2',
  {title: '村里修了一条路', subtitle: '三公里', author: '记者 王小明', date: '2025-05-02', source: '《云岭日报》2025年5月3日第2版'},
  [
    h('h2', ['一、', h('wbr'), '缘起']), // 4
    h('p', ['去年冬天修路', h('sup', h('a', {href: '#a2-fn-1', dataFootnoteRef: true}, '1')), '。']), // 7: the call is not counted
    h('table', [h('tr', [h('th', '项目'), h('th', '2025年')]), h('tr', [h('td', '道路'), h('td', '3.5')])]), // 2 + 2 + 2 + 1: cells do not run together
    h('figure', [h('img', {src: 'assets/road.svg', alt: '道路'}), h('figcaption', '新修的道路')]), // 5, one image; the alt is not text
    h('p', [h('ruby', ['青', h('rp', '('), h('rt', 'qīng'), h('rp', ')')]), '溪']), // 2: the reading is not counted
    h('p', ['20', h('wbr'), '26年']), // 2: a break point does not split the number
  ],
  [[h('p', '村民大会上提出。')]], // 8
); // 7 + 3 + 4 + 7 + 7 + 5 + 2 + 2 + 8 = 45
const market = article('a3', {title: '春天的集市', author: '记者  王小明', date: '2025-03-09', source: '村广播站'}, [
  h('p', 'Hello world，热闹非凡'), // 2 + 1 + 4 = 7
  h('p', [h('span', {className: ['missing-image']}, '［缺图：images/x.png］')]), // 0: the mark of a missing image
  h('p', ['看', h('img', {src: 'assets/x.png', alt: ''})]), // 1, one image
]); // 5 + 7 + 1 = 13
const harvest = article('a4', {title: '秋收', author: '通讯员 李四', date: '2025-05-20', source: '村广播站'}, [h('p', '丰收。')]); // 2 + 3 = 5

const book: Book = {
  meta: {
    title: '测试村年鉴',
    runningHead: '测试村年鉴',
    language: 'zh-Hans',
    writingMode: 'horizontal',
    pageSize: {name: 'A5', width: 148, height: 210},
    articleStart: 'page',
    folio: 'arabic',
  },
  front: [preface],
  parts: [
    {id: 'p1', number: 1, title: '村务', articles: [road, market]},
    {id: 'p2', number: 2, title: '生活', articles: [harvest]},
  ],
  assets: [],
  styles: [],
  dir: '/tmp/book',
  apparatus: {front: [], back: [], chronology: [], index: [], indexSort: 'pinyin'},
};

// Pages 0–3 cover, title, contents; folio 1 is page 4. Page 5 is blank before the part page 6,
// page 11 blank before part page 12; the last article runs to the end (page 19).
const layout: Layout = {pageCount: 20, bodyStart: 4, anchors: {toc: 2, a1: 4, p1: 6, a2: 7, a3: 10, p2: 12, a4: 13}, blanks: [5, 11]};

const row = (label: string, articles: number, chars: number, images: number, pages: number) => ({label, articles, chars, images, pages});

describe('what an article counts', () => {
  it('should count title, subtitle, body and notes, not calls, readings, missing-image marks or alt text', () => {
    expect(countArticle(preface)).toEqual({chars: 11, images: 0});
    expect(countArticle(road)).toEqual({chars: 45, images: 1});
    expect(countArticle(market)).toEqual({chars: 13, images: 1});
    expect(countArticle(harvest)).toEqual({chars: 5, images: 0});
  });
});

describe('statistics rows', () => {
  it('should give one row per article in book order, with pages and folios', () => {
    const stats = bookStats(book, layout, 'article');
    expect(stats.rows).toEqual([
      {...row('写在前面', 1, 11, 0, 1), folios: {first: 1, last: 1}},
      {...row('村里修了一条路', 1, 45, 1, 3), folios: {first: 4, last: 6}},
      // Its last page is blank (11): the article takes one page.
      {...row('春天的集市', 1, 13, 1, 1), folios: {first: 7, last: 7}},
      {...row('秋收', 1, 5, 0, 7), folios: {first: 10, last: 16}},
    ]);
    expect(stats.total).toEqual(row('合计', 4, 74, 2, 12));
    expect(stats.pageCount).toBe(20);
  });

  it('should group by author, largest first, the unsigned last, spaces in a byline not mattering', () => {
    const stats = bookStats(book, layout, 'author');
    expect(stats.rows).toEqual([row('记者 王小明', 2, 58, 2, 4), row('通讯员 李四', 1, 5, 0, 7), row('（未署名）', 1, 11, 0, 1)]);
    expect(stats.total).toEqual(row('合计', 4, 74, 2, 12));
  });

  it('should group by source without dates and editions', () => {
    expect(bookStats(book, layout, 'source').rows).toEqual([row('村广播站', 2, 18, 1, 8), row('《云岭日报》', 1, 45, 1, 3), row('（无来源）', 1, 11, 0, 1)]);
  });

  it('should group by month in date order, the undated last', () => {
    expect(bookStats(book, layout, 'month').rows).toEqual([row('2025年3月', 1, 13, 1, 1), row('2025年5月', 2, 50, 1, 10), row('（无日期）', 1, 11, 0, 1)]);
  });

  it('should group by part in book order, the articles before the parts first, pages summed over articles', () => {
    const stats = bookStats(book, layout, 'part');
    // The part title pages (6, 12) and blanks are in no row; the total is the same for every grouping.
    expect(stats.rows).toEqual([row('（不属于任何部分）', 1, 11, 0, 1), row('村务', 2, 58, 2, 4), row('生活', 1, 5, 0, 7)]);
    expect(stats.total).toEqual(bookStats(book, layout, 'article').total);
  });

  it('should name a source without its date, edition or issue', () => {
    expect(sourceName('《云岭日报》2025年10月20日第3版')).toBe('《云岭日报》');
    expect(sourceName('镇党委宣传办《学习参考》2025年第3期')).toBe('镇党委宣传办《学习参考》');
    expect(sourceName('人民网 2025-06-03')).toBe('人民网');
    expect(sourceName('《学习参考》第12期')).toBe('《学习参考》');
    expect(sourceName('青溪镇融媒体中心')).toBe('青溪镇融媒体中心');
    expect(sourceName('2025年6月3日')).toBe('2025年6月3日');
  });
});

describe('the table and the CSV', () => {
  it('should measure Han and full-width marks as two columns', () => {
    expect(displayWidth('汉字ab')).toBe(6);
    expect(displayWidth('（社区）5G')).toBe(10);
    expect(displayWidth('“一户一码”')).toBe(10);
  });

  it('should align columns by display width, numbers to the right', () => {
    const table = formatTable(
      ['篇名', '字数'],
      [
        ['前言', 527],
        ['8个村（社区）实现5G信号全覆盖', 15],
      ],
      ['合计', 542],
    );
    const lines = table.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[3]).toMatch(/^-+$/);
    // Every line ends at the same column.
    const widths = lines.map(displayWidth);
    expect(new Set(widths)).toEqual(new Set([widths[0]]));
    expect(lines[2]).toMatch(/ {2}15$/);
  });

  it('should write CSV with a BOM, CRLF and quotes where needed', () => {
    const csv = formatCsv([
      ['标题', '字数'],
      ['甲,乙', 1],
      ['他说"好"', 2],
      ['两\n行', 3],
    ]);
    expect(csv.startsWith('\uFEFF标题,字数\r\n')).toBe(true);
    expect(csv).toBe('\uFEFF标题,字数\r\n"甲,乙",1\r\n"他说""好""",2\r\n"两\n行",3\r\n');
  });
});
