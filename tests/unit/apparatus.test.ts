import {describe, expect, it} from 'vitest';
import {authorNames, indexOf, sourceName} from '../../src/book/book-index.js';
import {chronologyOf} from '../../src/book/chronology.js';
import {compileBook} from '../../src/book/compile.js';
import {selectArticles} from '../../src/book/select.js';
import {setScript} from '../../src/book/script-conversion.js';
import {loadConfig} from '../../src/config/load.js';
import type {Article, IndexEntry} from '../../src/model/book.js';
import {formatMessages, InputError} from '../../src/report/messages.js';
import {apparatusSection, pageLocators, titleLocate} from '../../src/render/shared/apparatus.js';
import {labelsFor} from '../../src/render/shared/labels.js';
import {linkAcrossPieces} from '../../src/render/shared/piece-links.js';
import {collate, compareCollated, headingOf, type IndexOrder} from '../../src/typography/collation.js';
import type {Element} from 'hast';
import {selectAll} from 'hast-util-select';
import {toString as textOf} from 'hast-util-to-string';
import {h} from 'hastscript';
import {makeBook, manuscript, smallBook} from '../helpers/book.js';

const sorted = (terms: string[], order: IndexOrder) =>
  terms
    .map((t) => collate(t))
    .sort((a, b) => compareCollated(a, b, order))
    .map((c) => c.text);

describe('collation', () => {
  it('should order by pinyin syllable by syllable, reading words in context', () => {
    // 重庆 is chóng, not zhòng; 长江 cháng; 银行 háng: words, not characters, decide.
    expect(sorted(['重庆', '长江', '银行', '阿里', '张三', '北京'], 'pinyin')).toEqual(['阿里', '北京', '长江', '重庆', '银行', '张三']);
    expect(headingOf(collate('重庆'), 'pinyin')).toBe('C');
    // A shorter word first; then tones: 妈 mā before 马 mǎ.
    expect(sorted(['马路', '马', '妈'], 'pinyin')).toEqual(['妈', '马', '马路']);
    // 一 in its own tone (yī), not as spoken in 一户 (yí): before 移 (yí).
    expect(sorted(['移风易俗', '一户一码'], 'pinyin')).toEqual(['一户一码', '移风易俗']);
  });

  it('should read surnames by their surname readings when asked', () => {
    expect(collate('单雄信', '单雄信', {names: true}).syllables[0]).toBe('shan');
    expect(collate('曾国藩', '曾国藩', {names: true}).syllables[0]).toBe('zeng');
  });

  it('should sort Latin words and numbers among the pinyin, digits first', () => {
    expect(sorted(['网格', 'APP推广', '5G信号', '电商'], 'pinyin')).toEqual(['5G信号', 'APP推广', '电商', '网格']);
    expect(headingOf(collate('5G信号'), 'pinyin')).toBe('0–9');
    expect(headingOf(collate('APP推广'), 'pinyin')).toBe('A');
    expect(headingOf(collate('《云岭日报》'), 'pinyin')).toBe('Y');
  });

  it('should order by strokes of each character in turn, then by pinyin', () => {
    // 王 4, 李 7, 张 7, 周 8; 李 lǐ before 张 zhāng at seven strokes.
    expect(sorted(['周明', '张三', '王五', '李四'], 'stroke')).toEqual(['王五', '李四', '张三', '周明']);
    expect(headingOf(collate('李四'), 'stroke')).toBe('七画');
    expect(sorted(['APP推广', '王五'], 'stroke')).toEqual(['王五', 'APP推广']);
    expect(headingOf(collate('APP推广'), 'stroke')).toBe('外文');
  });

  it('should follow a given sort key instead of the printed term', () => {
    const sortedBy = [collate('乐清', '乐清'), collate('乐山', '越')].sort((a, b) => compareCollated(a, b, 'pinyin'));
    expect(sortedBy.map((c) => c.text)).toEqual(['乐清', '乐山']);
  });
});

const article = (id: string, fields: Partial<Article>, marks: Array<[string, string?]> = []): Article => ({
  id,
  title: `文章${id}`,
  runningHead: `文章${id}`,
  tags: [],
  file: `${id}.md`,
  footnotes: [],
  body: {
    type: 'root',
    children: [
      h(
        'p',
        marks.map(([term, sort], i) => h('span.index-term', {id: `ix-${id}-${i}`, dataIndexTerm: term, ...(sort ? {dataIndexSort: sort} : {})}, term)),
      ),
    ],
  },
  ...fields,
});

describe('chronologyOf', () => {
  it('should list dated articles by date under their months, summaries before titles', () => {
    const months = chronologyOf([
      article('a1', {date: '2025-07-15'}),
      article('a2', {}),
      article('a3', {date: '2025-02-10', summary: '村晚开演'}),
      article('a4', {date: '2025-07-01'}),
      article('a5', {date: '2025-07-15'}),
    ]);
    expect(months.map((m) => m.heading)).toEqual(['二月', '七月']);
    expect(months[0]!.entries).toEqual([{date: '2025-02-10', day: '10日', text: '村晚开演', target: 'a3'}]);
    // Same day: the book's order.
    expect(months[1]!.entries.map((e) => [e.day, e.target])).toEqual([
      ['1日', 'a4'],
      ['15日', 'a1'],
      ['15日', 'a5'],
    ]);
  });

  it('should name the year in each month when the dates span years', () => {
    const months = chronologyOf([article('a1', {date: '2024-12-30'}), article('a2', {date: '2025-01-02'})]);
    expect(months.map((m) => m.heading)).toEqual(['2024年12月', '2025年1月']);
  });
});

describe('indexOf', () => {
  const articles = [
    article('a1', {author: '镇融媒体中心 记者 林晓舟', source: '《云岭日报》2025年10月20日第3版'}, [['青溪河'], ['乐山', '越']]),
    article('a2', {author: '张三、李四', source: '《云岭日报》2025年6月3日第2版'}, [['青溪河'], ['5G']]),
    article('a3', {author: '中共青溪镇委员会'}, [['青溪河']]),
  ];

  it('should gather each term once with every place, in sections of terms, authors, sources', async () => {
    const index = await indexOf(articles, 'pinyin');
    expect(index.map((s) => s.kind)).toEqual(['terms', 'authors', 'sources']);
    const terms = index[0]!.groups;
    expect(terms.map((g) => g.heading)).toEqual(['0–9', 'Q', 'Y']);
    expect(terms[1]!.entries[0]).toEqual({
      term: '青溪河',
      places: [
        {target: 'ix-a1-0', article: 'a1'},
        {target: 'ix-a2-0', article: 'a2'},
        {target: 'ix-a3-0', article: 'a3'},
      ],
    });
    // 乐山 sorted as 越 (yuè).
    expect(terms[2]!.entries[0]!.term).toBe('乐山');
    expect(index[1]!.groups.flatMap((g) => g.entries.map((e) => e.term))).toEqual(['李四', '林晓舟', '张三', '中共青溪镇委员会']);
    expect(index[2]!.groups.flatMap((g) => g.entries)).toEqual([
      {
        term: '《云岭日报》',
        places: [
          {target: 'a1', article: 'a1'},
          {target: 'a2', article: 'a2'},
        ],
      },
    ]);
  });

  it('should leave out empty sections and group by strokes when asked', async () => {
    const index = await indexOf([article('a1', {}, [['王家坝'], ['李家沟']])], 'stroke');
    expect(index).toHaveLength(1);
    expect(index[0]!.groups.map((g) => [g.heading, g.entries.map((e) => e.term)])).toEqual([
      ['四画', ['王家坝']],
      ['七画', ['李家沟']],
    ]);
  });

  it('should find the people of a byline and the publication of a source line', () => {
    expect(authorNames('镇融媒体中心 记者 林晓舟')).toEqual(['林晓舟']);
    expect(authorNames('记者 沈若溪 通讯员 王芳')).toEqual(['沈若溪', '王芳']);
    expect(authorNames('文/张三 图/李四')).toEqual(['张三', '李四']);
    expect(authorNames('中共青溪镇委员会')).toEqual(['中共青溪镇委员会']);
    expect(authorNames('镇应急办 赵明')).toEqual(['赵明']);
    // Bylines of the fortunes-zh poems: life dates and notes in brackets.
    expect(authorNames('范成大（１１２６－１１９３）')).toEqual(['范成大']);
    expect(authorNames('朱淑真（《宋诗纪事》：“号幽栖居士，工诗（一说能画），不得志殁。”）')).toEqual(['朱淑真']);
    expect(authorNames('镇农业服务中心 镇水利站')).toEqual(['镇农业服务中心', '镇水利站']);
    expect(authorNames(undefined)).toEqual([]);
    expect(sourceName('2025年3月')).toBe('2025年3月');
    expect(sourceName('《云岭日报》2025年10月20日第3版')).toBe('《云岭日报》');
    expect(sourceName('镇党委宣传办《学习参考》2025年第3期')).toBe('镇党委宣传办《学习参考》');
    expect(sourceName('青溪镇融媒体中心')).toBe('青溪镇融媒体中心');
  });
});

describe('pageLocators', () => {
  const entry: IndexEntry = {
    term: '网格',
    places: ['ix-1', 'ix-2', 'ix-3', 'ix-4', 'ix-5', 'ix-6'].map((target) => ({target, article: 'a1'})),
  };
  const pages: Record<string, number> = {'ix-1': 14, 'ix-2': 12, 'ix-3': 13, 'ix-4': 13, 'ix-5': 17, 'ix-6': 19};

  it('should give each page once, in order, with consecutive pages joined and linked to the first place on them', () => {
    const locators = pageLocators(entry, (id) => pages[id], String);
    expect(locators).toEqual([
      {text: '12–14', href: '#ix-2'},
      {text: '17', href: '#ix-5'},
      {text: '19', href: '#ix-6'},
    ]);
  });

  it('should write folios in the book’s style and skip places with no page', () => {
    const chinese = (n: number) => ['', '一', '二'][n] ?? String(n);
    expect(pageLocators(entry, (id) => ({'ix-1': 1, 'ix-2': 2})[id], chinese).map((l) => l.text)).toEqual(['一–二']);
  });
});

describe('linkAcrossPieces', () => {
  it('should give a piece targets for its outward links and links to its own anchors, out of sight', () => {
    const content = [
      h('nav', [h('a', {href: '#a1'}, '前言'), h('a', {href: '#n1'}, '注')]),
      h('section', {id: 'chronology', dataTocId: 'chronology'}, [h('span.index-term', {id: 'ix-3'}, '网格'), h('li', {id: 'n1'})]),
    ];
    linkAcrossPieces(content);
    const added = content.at(-1) as Element;
    expect(added.properties).toMatchObject({hidden: true});
    expect(added.children.map((c) => (c.type === 'element' ? [c.tagName, c.properties.id ?? c.properties.href] : null))).toEqual([
      ['span', 'a1'],
      ['a', '#chronology'],
      ['a', '#ix-3'],
    ]);
  });
});

describe('compileBook with a chronology and an index', () => {
  it('should number the index marks in reading order and build both', async () => {
    const dir = await makeBook(
      smallBook({
        'book.yaml': 'title: 测试村年鉴\nyear: 2025\nparts: [村务, 生活]\nfrontMatter: [chronology]\nbackMatter: [index]\nindexSort: stroke\n',
        'manuscripts/02-b.md': manuscript(
          {title: '春天的集市', date: '2025-03-09', part: '生活', summary: '春季集市开市'},
          '集市上:index[王大妈]卖菜，:index[李家沟]也来了人。',
        ),
      }),
    );
    const {book} = await compileBook(await loadConfig(dir));
    expect(book.apparatus.front).toEqual(['chronology']);
    expect(book.apparatus.back).toEqual(['index']);
    expect(book.apparatus.chronology.map((m) => [m.heading, m.entries.map((e) => e.text)])).toEqual([
      ['三月', ['春季集市开市']],
      ['五月', ['村里修了一条路']],
      ['十二月', ['写在前面']],
    ]);
    const terms = book.apparatus.index[0]!;
    expect(terms.groups.map((g) => g.heading)).toEqual(['四画', '七画']);
    expect(terms.groups[0]!.entries[0]!.places).toEqual([{target: 'ix-1', article: 'a3'}]);
  });

  it('should gather a booklet’s own chronology and index, and convert both to Traditional with the book', async () => {
    const dir = await makeBook(
      smallBook({
        'book.yaml': 'title: 测试村年鉴\nparts: [村务, 生活]\nbackMatter: [chronology, index]\n',
        'manuscripts/02-b.md': manuscript({title: '春天的集市', date: '2025-03-09', part: '生活'}, '集市上:index[卖菜的]很多。'),
      }),
    );
    const {book} = await compileBook(await loadConfig(dir));
    const {book: booklet} = await selectArticles(book, ['村务']);
    expect(booklet.apparatus.chronology.flatMap((m) => m.entries.map((e) => e.text))).toEqual(['村里修了一条路']);
    expect(booklet.apparatus.index.map((s) => s.kind)).toEqual(['authors', 'sources']);
    expect(book.apparatus.chronology).toHaveLength(3);
    book.meta.language = 'zh-Hant';
    setScript(book, 'zh-Hans');
    expect(book.apparatus.chronology[0]!.entries[0]!.text).toBe('春天的集市');
    expect(book.apparatus.chronology[1]!.entries[0]!.text).toBe('村裏修了一條路');
    expect(book.apparatus.index[0]!.groups[0]!.entries[0]!.term).toBe('賣菜的');
  });

  it('should print the headings it makes in the script of a book written in Traditional (issue 21)', async () => {
    const dir = await makeBook({
      'book.yaml': 'title: 測試村年鑑\nlanguage: zh-TW\nbackMatter: [index]\nindexSort: stroke\n',
      'manuscripts/01-a.md': manuscript({title: '游標', date: '2025-03-09'}, '村裡的:index[李家溝]。'),
    });
    const {book} = await compileBook(await loadConfig(dir));
    setScript(book, 'zh-TW');
    const html = textOf(
      apparatusSection(
        'index',
        book,
        labelsFor('zh-TW'),
        titleLocate(book, (id) => `#${id}`),
      ),
    );
    expect(html).toContain('七畫');
    expect(html).toContain('李家溝');
    expect(html).not.toContain('七画');
  });

  it('should let a letter longer than a column run on, and keep the others whole (a yearly report’s 来源 index)', async () => {
    const dir = await makeBook({
      'book.yaml': 'title: 测试村年鉴\nbackMatter: [index]\n',
      'manuscripts/01-a.md': manuscript({title: '甲'}, '村里的:index[李家沟]和:index[青石桥]。'),
    });
    const {book} = await compileBook(await loadConfig(dir));
    // 青石桥 on 200 pages (about 30 lines), 李家沟 on one.
    const locate = {
      ...titleLocate(book, (id) => `#${id}`),
      places: (entry: IndexEntry) => Array.from({length: entry.term === '青石桥' ? 200 : 1}, (_, i) => ({text: String(2 * i + 1), href: '#a'})),
    };
    const section = apparatusSection('index', book, labelsFor('zh-Hans'), locate);
    const groups = selectAll('section.index-group', section).map((g) => [
      textOf(g).slice(0, 4),
      (g.properties.className as string[]).includes('index-group-long'),
    ]);
    expect(groups).toEqual(
      [
        ['LLI', false],
        ['QQ', true],
      ].map(([letter, long]) => [expect.stringContaining(String(letter).slice(0, 1)), long]),
    );
  });

  it('should refuse a section listed both before and after the articles, at its place', async () => {
    const dir = await makeBook(smallBook({'book.yaml': 'title: 书\nfrontMatter: [index]\nbackMatter: [chronology, index]\n'}));
    const error = await loadConfig(dir)
      .then(compileBook)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(formatMessages((error as InputError).files, dir)).toContain('book.yaml:3:26');
  });

  it('should refuse an unknown generated section', async () => {
    const dir = await makeBook(smallBook({'book.yaml': 'title: 书\nbackMatter: [glossary]\n'}));
    const error = await loadConfig(dir).catch((e: unknown) => e);
    expect(formatMessages((error as InputError).files, dir)).toMatch(/book\.yaml:2:\d+.*chronology（大事记）或 index（索引）/);
  });
});
