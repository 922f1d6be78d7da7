/**
 * Statistics of a book (`huibian stats`, docs/stats.md): per article, author, source, part or
 * month, the characters as offices count them, the articles, the images and the pages they
 * take in the laid-out book.
 */
import type {Element, ElementContent, Root, RootContent} from 'hast';
import type {VFile} from 'vfile';
import {sourceName} from '../book/book-index.js';
import {loadBook} from '../core/load-book.js';
import type {BuildProgress} from '../core/options.js';
import {articlePages, folioNumber, layOutBook} from '../core/print-book.js';
import {type Article, articlesOf, type Book} from '../model/book.js';
import type {Layout} from '../render/pdf/engine.js';
import {type Labels, labelsFor} from '../render/shared/labels.js';
import {countChars} from '../typography/char-count.js';

export const STATS_BY = ['article', 'author', 'source', 'part', 'month'] as const;
export type StatsBy = (typeof STATS_BY)[number];

/** One row: an article, or a group of articles. */
export interface StatsRow {
  label: string;
  articles: number;
  chars: number;
  images: number;
  /** Pages the articles take, each counted from its first page to its last. */
  pages: number;
  /** Article rows: the printed folios (page numbers) of the first and last page. */
  folios?: {first: number; last: number};
}

export interface BookStats {
  by: StatsBy;
  rows: StatsRow[];
  /** Sums over the articles (so over the rows). */
  total: StatsRow;
  /** Pages of the whole book: cover, contents, part title pages and blanks included. */
  pageCount: number;
  /** The table's words in the book's script. */
  labels: Labels;
}

/**
 * Lay the book in `bookDir` out (through the layout cache, as a build would) and count it.
 * Input errors throw InputError before anything is laid out; `files` carry the warnings.
 */
export async function statsOf(
  {bookDir, by}: {bookDir: string; by: StatsBy},
  {progress, signal}: {progress?: BuildProgress; signal?: AbortSignal} = {},
): Promise<{stats: BookStats; files: VFile[]}> {
  const {book, files} = await loadBook({bookDir}, progress);
  signal?.throwIfAborted();
  const {layout} = await layOutBook(book, {}, {progress, signal});
  return {stats: bookStats(book, layout, by), files};
}

/** The rows of `book` laid out as `layout`, grouped `by`, in the order docs/stats.md gives. */
export function bookStats(book: Book, layout: Layout, by: StatsBy): BookStats {
  const ranges = articlePages(book, layout);
  const counted = new Map<Article, StatsRow>();
  for (const article of articlesOf(book)) {
    const range = ranges.get(article.id);
    const {chars, images} = countArticle(article);
    counted.set(article, {
      label: article.title,
      articles: 1,
      chars,
      images,
      // An article the layout did not place (none should be) takes no pages rather than a guess.
      pages: range ? range.last - range.first + 1 : 0,
      ...(range ? {folios: {first: folioNumber(layout, range.first), last: folioNumber(layout, range.last)}} : {}),
    });
  }
  const labels = labelsFor(book.meta.language);
  const rows = by === 'article' ? [...counted.values()] : groupRows(book, counted, by, labels.stats.none);
  const total = sum(labels.stats.total, [...counted.values()]);
  return {by, rows, total, pageCount: layout.pageCount, labels};
}

/** Rows of groups of articles: parts in book order, months in date order, authors and sources by size. */
function groupRows(book: Book, counted: Map<Article, StatsRow>, by: Exclude<StatsBy, 'article'>, none: Labels['stats']['none']): StatsRow[] {
  if (by === 'part') {
    const front =
      book.front.length > 0
        ? [
            sum(
              none.part,
              book.front.map((a) => counted.get(a)!),
            ),
          ]
        : [];
    return [
      ...front,
      ...book.parts.map((part) =>
        sum(
          part.title,
          part.articles.map((a) => counted.get(a)!),
        ),
      ),
    ];
  }
  const missing = none[by];
  const groups = new Map<string, StatsRow[]>();
  for (const [article, row] of counted) {
    const key = groupKey(article, by) ?? missing;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const rows = [...groups].map(([key, members]) => ({key, row: sum(by === 'month' && key !== missing ? monthLabel(key) : key, members)}));
  const collator = new Intl.Collator('zh-Hans-CN');
  rows.sort((a, b) => {
    // The articles that lack the key come last, whatever their size.
    if ((a.key === missing) !== (b.key === missing)) return a.key === missing ? 1 : -1;
    if (by === 'month') return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    return b.row.articles - a.row.articles || b.row.chars - a.row.chars || collator.compare(a.key, b.key);
  });
  return rows.map(({row}) => row);
}

/** What an article is grouped by; undefined when its front matter does not say. */
function groupKey(article: Article, by: 'author' | 'source' | 'month'): string | undefined {
  if (by === 'month') return article.date?.slice(0, 7);
  const value = article[by]?.replace(/\s+/g, ' ').trim();
  if (!value) return undefined;
  return by === 'source' ? sourceName(value) : value;
}

/** `2025-03` → `2025年3月`. */
function monthLabel(key: string): string {
  const [year, month] = key.split('-');
  return `${year}年${Number(month)}月`;
}

function sum(label: string, rows: StatsRow[]): StatsRow {
  return {
    label,
    articles: rows.reduce((n, r) => n + r.articles, 0),
    chars: rows.reduce((n, r) => n + r.chars, 0),
    images: rows.reduce((n, r) => n + r.images, 0),
    pages: rows.reduce((n, r) => n + r.pages, 0),
  };
}

/** Elements inside a line of text: their text runs on with the text around them (`2<wbr>026` is one number). */
const INLINE = new Set('a abbr b bdi bdo cite code data del dfn em i ins kbd mark q ruby s samp small span strong sub sup time u var wbr'.split(' '));
/** Elements whose text is not counted: ruby readings and their fallback parentheses, drawings, code that does not print. */
const UNCOUNTED = new Set(['rt', 'rp', 'svg', 'math', 'script', 'style', 'template']);

/**
 * What an article's count covers: its title and subtitle, its body (headings, paragraphs,
 * lists, quotes, tables, captions) and its footnotes; not the byline, date or source, the
 * footnote calls, list numbers, ruby readings or the marks of missing images. Images are the
 * `<img>` of the body and the notes.
 */
export function countArticle(article: Article): {chars: number; images: number} {
  const text = {value: '', images: 0};
  collect(article.body, text);
  for (const note of article.footnotes) for (const child of note.children) collect(child, text);
  const chars = countChars(article.title) + countChars(article.subtitle ?? '') + countChars(text.value);
  return {chars, images: text.images};
}

/** Append the counted text of `node` to `into.value`, a line break around every block, and count its images. */
function collect(node: Root | RootContent | ElementContent, into: {value: string; images: number}): void {
  if (node.type === 'text') {
    into.value += node.value;
    return;
  }
  if (node.type !== 'root' && node.type !== 'element') return;
  if (node.type === 'element') {
    if (node.tagName === 'img') into.images += 1;
    if (!counts(node)) return;
  }
  const block = node.type === 'element' && !INLINE.has(node.tagName);
  if (block) into.value += '\n';
  for (const child of node.children) collect(child, into);
  if (block) into.value += '\n';
}

/** Whether an element's text is counted (see {@link countArticle}). */
function counts(element: Element): boolean {
  if (UNCOUNTED.has(element.tagName)) return false;
  // The call of a footnote: a number the book draws (①), not text of the article.
  if (element.properties.dataFootnoteRef !== undefined) return false;
  const className = element.properties.className;
  return !(Array.isArray(className) && className.includes('missing-image'));
}
