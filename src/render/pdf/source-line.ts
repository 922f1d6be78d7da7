/**
 * The line an offprint carries on its first page, saying where it was cut from:
 * 摘自《青溪镇二〇二五年工作汇编》第 34–36 页.
 */
import {traditionalText} from '../../book/script-conversion.js';
import type {BookMeta} from '../../model/book.js';
import {chineseNumber} from '../../typography/chinese-numerals.js';
import {scriptOf} from '../../typography/script.js';

/**
 * Pages as the book's folios print them: 第 12–15 页 and 第 12 页, or with Chinese folios
 * 第十二至十五页 and 第十二页 (a range in Chinese numerals reads 至, not a dash).
 */
export function pageSpan(first: number, last: number, folio: BookMeta['folio']): string {
  if (folio === 'chinese') return first === last ? `第${chineseNumber(first)}页` : `第${chineseNumber(first)}至${chineseNumber(last)}页`;
  return first === last ? `第 ${first} 页` : `第 ${first}–${last} 页`;
}

/**
 * 摘自《书名》 and the pages, in the book's script: a Traditional book gets 頁, its title
 * as it stands (already converted with the rest of the book).
 */
export function sourceLine(meta: Pick<BookMeta, 'title' | 'folio' | 'language'>, first: number, last: number): string {
  const words = scriptOf(meta.language) === 'tc' ? traditionalText(meta.language) : (text: string) => text;
  return `${words('摘自')}《${meta.title}》${words(pageSpan(first, last, meta.folio))}`;
}

/**
 * The line as it is set: without the spaces between Han and digits, whose gap the print's
 * `text-autospace` draws (typography rule 8), as in the book's own pages.
 */
export function printedLine(line: string): string {
  return line.replace(/(?<=\p{Script=Han}) (?=\d)|(?<=\d) (?=\p{Script=Han})/gu, '');
}
