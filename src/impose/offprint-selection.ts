/**
 * What an offprint cuts from the book, as `--select` names it: a manuscript by its file name,
 * an article by its title, or a part by its title.
 */
import path from 'node:path';
import {type Article, articlesOf, type Book, type Part} from '../model/book.js';
import {UsageError} from '../report/messages.js';

/** One article, or a part (from its part page) with its articles. */
export interface OffprintSelection {
  /** The part named: the offprint opens with its part page. */
  part?: Part;
  /** The articles, in the book's order. */
  articles: Article[];
}

/** Something `--select` may name, and how a message names it. */
interface Candidate {
  title: string;
  said: string;
  selection: OffprintSelection;
}

/**
 * How a manuscript may be named: `manuscripts/09-a.md`, `09-a.md`, `09-a`, and below
 * `manuscripts/` its path there (`2025/09-a`), with or without `.md`.
 */
function fileNames(article: Article): string[] {
  const file = article.file.split(path.sep).join('/');
  const names = [file, file.replace(/^manuscripts\//, ''), path.posix.basename(file)];
  return [...new Set(names.flatMap((name) => [name, name.replace(/\.md$/i, '')]))];
}

/** A title as it may be typed: full-width or half-width forms, quotes, spaces and punctuation aside. */
function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
}

/**
 * The articles `selector` names, tried in this order, the first that names anything winning:
 * a file name; a part's title; an article's title; either title as typed ({@link titleKey});
 * a piece of one title. A selector that names nothing, or two things at one step, is a
 * {@link UsageError} that says what there is.
 */
export function selectOffprint(book: Book, selector: string): OffprintSelection {
  const articles = articlesOf(book);
  const wanted = selector.trim().replace(/\\/g, '/').replace(/^\.\//, '');
  const ofArticle = (a: Article): Candidate => ({title: a.title, said: `《${a.title}》（${a.file}）`, selection: {articles: [a]}});
  const ofPart = (p: Part): Candidate => ({title: p.title, said: `部分“${p.title}”`, selection: {part: p, articles: p.articles}});
  const all = [...book.parts.map(ofPart), ...articles.map(ofArticle)];
  const key = titleKey(wanted);
  const steps: Candidate[][] = [
    articles.filter((a) => fileNames(a).includes(wanted)).map(ofArticle),
    book.parts.filter((p) => p.title === wanted).map(ofPart),
    articles.filter((a) => a.title === wanted).map(ofArticle),
    key ? all.filter((c) => titleKey(c.title) === key) : [],
    key ? all.filter((c) => titleKey(c.title).includes(key)) : [],
  ];
  for (const found of steps) {
    if (found.length === 1) return found[0]!.selection;
    if (found.length > 1) {
      const shown = found.slice(0, 8).map((c) => c.said);
      if (found.length > shown.length) shown.push(`另有 ${found.length - shown.length} 个`);
      throw new UsageError(`--select \`${selector}\` 对上了 ${found.length} 个：${shown.join('、')}：请写全标题，或用稿件文件名`);
    }
  }
  throw new UsageError(`--select \`${selector}\` 没有对上任何稿件：${available(book, articles)}`);
}

/** A few of each kind of name `--select` takes, for the message when it took none. */
function available(book: Book, articles: Article[]): string {
  const few = (names: string[], count: number) => names.slice(0, count).join('、') + (names.length > count ? ' 等' : '');
  const files = few(
    articles.map((a) => path.posix.basename(a.file.split(path.sep).join('/'), '.md')),
    4,
  );
  const titles = few(
    articles.map((a) => a.title),
    3,
  );
  if (book.parts.length === 0) return `可用稿件文件名（${files}）或文章标题（${titles}）`;
  return `可用稿件文件名（${files}）、文章标题（${titles}）或部分名（${few(
    book.parts.map((p) => p.title),
    8,
  )}）`;
}
