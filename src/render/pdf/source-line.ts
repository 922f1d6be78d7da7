/**
 * The line an offprint carries on its first page, saying where it was cut from:
 * 摘自《青溪镇二〇二五年工作汇编》第 34–36 页.
 */
import type {BookMeta} from '../../model/book.js';
import {labelsFor} from '../shared/labels.js';

/** 摘自《书名》 and the pages, in the book's script (labels.ts), its title as it stands. */
export function sourceLine(meta: Pick<BookMeta, 'title' | 'folio' | 'language'>, first: number, last: number): string {
  const labels = labelsFor(meta.language);
  return labels.excerpt(meta.title, labels.pageSpan(first, last, meta.folio));
}

/**
 * The line as it is set: without the spaces between Han and digits, whose gap the print's
 * `text-autospace` draws (typography rule 8), as in the book's own pages.
 */
export function printedLine(line: string): string {
  return line.replace(/(?<=\p{Script=Han}) (?=\d)|(?<=\d) (?=\p{Script=Han})/gu, '');
}
