import type {Article, ChronologyMonth} from '../model/book.js';
import {chineseNumber} from '../typography/chinese-numerals.js';

/**
 * The chronology (大事记): every dated article, one line each (its `summary`, else its title),
 * grouped by month in date order; articles of one day keep the book's order. Months are
 * `一月`… when every date falls in one year, `2025年1月` otherwise.
 */
export function chronologyOf(articles: Article[]): ChronologyMonth[] {
  const dated = articles
    .map((article, order) => ({article, order}))
    .filter((item): item is {article: Article & {date: string}; order: number} => item.article.date !== undefined)
    .sort((a, b) => a.article.date.localeCompare(b.article.date) || a.order - b.order);
  const years = new Set(dated.map(({article}) => article.date.slice(0, 4)));
  const months: ChronologyMonth[] = [];
  for (const {article} of dated) {
    const [year, month, day] = article.date.split('-').map(Number) as [number, number, number];
    const heading = years.size > 1 ? `${year}年${month}月` : `${chineseNumber(month)}月`;
    if (months.at(-1)?.heading !== heading) months.push({heading, entries: []});
    months.at(-1)!.entries.push({date: article.date, day: `${day}日`, text: article.summary ?? article.title, target: article.id});
  }
  return months;
}
