import type {ElementContent} from 'hast';
import {h} from 'hastscript';
import type {Article} from '../../model/book.js';
import type {Labels} from './labels.js';
import {chineseDate} from '../../typography/chinese-numerals.js';
import {withBreaks} from '../../typography/phrases.js';

/**
 * The opening of an article: title, subtitle, byline, date and source. Shared by the print
 * and EPUB renderers so an article opens the same way everywhere.
 */
export function articleHeader(article: Article, labels: Labels, headingTag = 'h1'): ElementContent {
  const meta: ElementContent[] = [];
  if (article.date) meta.push(h('time.article-date', {dateTime: article.date}, chineseDate(article.date)));
  if (article.source) meta.push(h('span.article-source', `${labels.source}${article.source}`));
  return h('header.article-header', [
    h(`${headingTag}.article-title`, {dataRunningHead: article.runningHead}, withBreaks([{type: 'text', value: article.title}])),
    article.subtitle ? h('p.article-subtitle', article.subtitle) : undefined,
    article.author ? h('p.article-byline', article.author) : undefined,
    meta.length > 0 ? h('p.article-meta', meta) : undefined,
  ]);
}
