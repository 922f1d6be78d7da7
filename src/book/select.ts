import {textWidthMm} from '../config/schema.js';
import path from 'node:path';
import {runningHead} from '../typography/running-head.js';
import {gatherApparatus} from './apparatus.js';
import type {articlesOf, Book} from '../model/book.js';

/**
 * A smaller book of the articles that any selector names, by part title, tag or file name
 * (with or without `.md`), in the book's order, under `title` if given. Returns the selectors
 * that named nothing, so the caller can say so.
 */
export async function selectArticles(book: Book, selectors: string[], title?: string): Promise<{book: Book; unmatched: string[]}> {
  const matches = (article: ReturnType<typeof articlesOf>[number], part: string | undefined, selector: string) =>
    selector === part || article.tags.includes(selector) || [article.file, path.basename(article.file), path.basename(article.file, '.md')].includes(selector);
  const used = new Set<string>();
  const keep = (article: ReturnType<typeof articlesOf>[number], part?: string) => {
    if (selectors.length === 0) return true;
    const hit = selectors.filter((s) => matches(article, part, s));
    for (const s of hit) used.add(s);
    return hit.length > 0;
  };
  const front = book.front.filter((a) => keep(a));
  const parts = book.parts.map((p) => ({...p, articles: p.articles.filter((a) => keep(a, p.title))})).filter((p) => p.articles.length > 0);
  parts.forEach((p, i) => {
    p.number = i + 1;
  });
  const meta = title ? {...book.meta, title, runningHead: runningHead(title, textWidthMm(book.meta.pageSize.width)), subtitle: book.meta.title} : book.meta;
  // The chronology and index of the articles kept, not of the whole book.
  const selected = {...book, meta, front, parts, apparatus: {...book.apparatus}};
  await gatherApparatus(selected);
  return {book: selected, unmatched: selectors.filter((s) => !used.has(s))};
}
