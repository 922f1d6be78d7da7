import type {ElementContent} from 'hast';
import {h} from 'hastscript';
import type {BookMeta, Part} from '../../model/book.js';
import type {Labels} from './labels.js';

/**
 * The lines of the book's title page, for every writer: title, subtitle, author, publisher,
 * and with `year` the year (the EPUB's title page has no colophon to carry it). With
 * `runningHead`, the title carries the running head the print's `string-set` reads.
 */
export function titlePageLines(meta: BookMeta, {runningHead = false, year = false}: {runningHead?: boolean; year?: boolean} = {}): ElementContent[] {
  const lines: Array<ElementContent | undefined> = [
    h('h1.book-title', runningHead ? {dataRunningHead: meta.runningHead} : {}, meta.title),
    meta.subtitle ? h('p.book-subtitle', meta.subtitle) : undefined,
    meta.author ? h('p.book-author', meta.author) : undefined,
    meta.publisher ? h('p.book-publisher', meta.publisher) : undefined,
    year && meta.year ? h('p.book-year', meta.year) : undefined,
  ];
  return lines.filter((line) => line !== undefined);
}

/** The lines of a part's page, for every writer: 第一部分, the title (with `titleId`, an anchor), the subtitle. */
export function partPageLines(part: Part, labels: Labels, titleId?: string): ElementContent[] {
  const lines: Array<ElementContent | undefined> = [
    h('p.part-number', labels.part(part.number)),
    h('h1.part-title', titleId ? {id: titleId} : {}, part.title),
    part.subtitle ? h('p.part-subtitle', part.subtitle) : undefined,
  ];
  return lines.filter((line) => line !== undefined);
}

/** A part as contents, bookmarks and navigation name it: 第一部分　村务. */
export function partHeading(part: Part, labels: Labels): string {
  return `${labels.part(part.number)}　${part.title}`;
}
