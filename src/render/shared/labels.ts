import {traditionalText} from '../../book/script-conversion.js';
import {chineseNumber} from '../../typography/chinese-numerals.js';
import {scriptOf} from '../../typography/script.js';

/**
 * Every word huibian itself prints in a book — the contents heading, the notes heading, part
 * labels, colophon rows, EPUB landmarks — in the book's script. Written here in Simplified
 * Chinese; a Traditional book gets them through the same conversion as its text (opencc, with
 * its region's vocabulary), once.
 */
export interface Labels {
  contents: string;
  notes: string;
  /** Before an article's source: `来源：`. */
  source: string;
  /** 第一部分 for part 1. */
  part(number: number): string;
  cover: string;
  titlePage: string;
  bodyMatter: string;
  colophon: {title: string; editor: string; printer: string; year: string; articles: string};
  /** 12 篇. */
  articleCount(count: number): string;
  /** The EPUB's accessibility summary for a book of this title. */
  accessibility(title: string): string;
  chronology: string;
  index: string;
  /** The index's sections: marked terms, authors, sources. */
  indexSections: {terms: string; authors: string; sources: string};
  /** A heading compiling made in Simplified (a month 一月, an index group 七画, 外文), in the book's script. */
  made(heading: string): string;
  /**
   * Pages as the book's folios print them: 第 12–15 页 and 第 12 页, or with Chinese folios
   * 第十二至十五页 and 第十二页 (a range in Chinese numerals reads 至, not a dash).
   */
  pageSpan(first: number, last: number, folio: 'arabic' | 'chinese'): string;
  /** The line on an offprint's first page: 摘自《书名》第 34–36 页. */
  excerpt(title: string, pages: string): string;
  /** The statistics' table: its columns, the total, and rows of articles that lack what they are grouped by. */
  stats: {
    by: {article: string; author: string; source: string; part: string; month: string};
    columns: {articles: string; chars: string; images: string; pages: string; first: string; last: string};
    total: string;
    none: {author: string; source: string; month: string; part: string};
  };
}

const SIMPLIFIED: Labels = {
  contents: '目录',
  notes: '注释',
  source: '来源：',
  part: (number) => `第${chineseNumber(number)}部分`,
  cover: '封面',
  titlePage: '书名页',
  bodyMatter: '正文',
  colophon: {title: '书名', editor: '编者', printer: '印制', year: '年份', articles: '篇目'},
  articleCount: (count) => `${count} 篇`,
  accessibility: (title) => `${title}：正文为可朗读的文字，目录、部分与文章标题构成导航结构，图片附有文字说明。`,
  chronology: '大事记',
  index: '索引',
  indexSections: {terms: '主题索引', authors: '作者索引', sources: '来源索引'},
  made: (heading) => heading,
  pageSpan: (first, last, folio) => {
    if (folio === 'chinese') return first === last ? `第${chineseNumber(first)}页` : `第${chineseNumber(first)}至${chineseNumber(last)}页`;
    return first === last ? `第 ${first} 页` : `第 ${first}–${last} 页`;
  },
  excerpt: (title, pages) => `摘自《${title}》${pages}`,
  stats: {
    by: {article: '篇名', author: '作者', source: '来源', part: '部分', month: '月份'},
    columns: {articles: '篇数', chars: '字数', images: '图片', pages: '页数', first: '起页', last: '止页'},
    total: '合计',
    none: {author: '（未署名）', source: '（无来源）', month: '（无日期）', part: '（不属于任何部分）'},
  },
};

const cache = new Map<string, Labels>();

/** The labels of a book in `language` (a BCP 47 tag: zh-Hans, zh-Hant, zh-TW …). */
export function labelsFor(language: string): Labels {
  if (scriptOf(language) === 'sc') return SIMPLIFIED;
  if (!cache.has(language)) {
    const text = traditionalText(language);
    cache.set(language, {
      contents: text(SIMPLIFIED.contents),
      notes: text(SIMPLIFIED.notes),
      source: text(SIMPLIFIED.source),
      part: (number) => text(SIMPLIFIED.part(number)),
      cover: text(SIMPLIFIED.cover),
      titlePage: text(SIMPLIFIED.titlePage),
      bodyMatter: text(SIMPLIFIED.bodyMatter),
      colophon: deepText(SIMPLIFIED.colophon, text),
      articleCount: (count) => text(SIMPLIFIED.articleCount(count)),
      accessibility: (title) => `${title}${text(SIMPLIFIED.accessibility(''))}`,
      chronology: text(SIMPLIFIED.chronology),
      index: text(SIMPLIFIED.index),
      indexSections: deepText(SIMPLIFIED.indexSections, text),
      made: text,
      pageSpan: (first, last, folio) => text(SIMPLIFIED.pageSpan(first, last, folio)),
      // The title is the book's own, already in its script.
      excerpt: (title, pages) => `${text('摘自')}《${title}》${pages}`,
      stats: deepText(SIMPLIFIED.stats, text),
    });
  }
  return cache.get(language)!;
}

/** `labels` with every string converted by `text`, at any depth. */
function deepText<T extends object>(labels: T, text: (value: string) => string): T {
  return Object.fromEntries(
    Object.entries(labels).map(([key, value]) => [key, typeof value === 'string' ? text(value) : deepText(value as object, text)]),
  ) as T;
}
