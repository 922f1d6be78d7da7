import type {Root} from 'hast';
import {h} from 'hastscript';
import rehypeStringify from 'rehype-stringify';
import {unified} from 'unified';
import type {Book} from '../../model/book.js';
import {adaptTree} from '../shared/adapt.js';
import {cover} from '../shared/print-document.js';
import {type Spread, spineType} from './spread-geometry.js';
import {writingModeOf} from '../shared/writing-mode.js';

/**
 * The cover sheet as one HTML page: the book's own cover section as the front, the spine with
 * title and author when it is wide enough, and a quiet back cover (publisher and year).
 * templates/cover-spread.css places them; `spreadCss` gives it the sheet's measures.
 */
export function coverDocument(book: Book, spread: Spread, stylesheets: string[]): string {
  const {meta} = book;
  const type = spineType(spread.spine.width);
  // The spine names who made the book: the author (editor), else the publisher.
  const maker = meta.author ?? meta.publisher;
  const spine = type ? [h('p.spine-title', meta.title), maker ? h('p.spine-author', maker) : undefined] : [];
  // The back names the publisher (with a 内部资料 note, as offices write it there), and the year; the year alone says nothing.
  const back = meta.publisher ? [h('div.back-foot', [h('p', meta.publisher), meta.year ? h('p', meta.year) : undefined])] : [];
  const body = h('body', [
    h('div.spread-panel.spread-front', [cover(book)]),
    h('div.spread-panel.spread-spine', spine),
    h('div.spread-panel.spread-back', back),
  ]);
  const tree: Root = {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: meta.language, className: [writingModeOf(meta).htmlClass, 'cover-spread']}, [
        h('head', [h('meta', {charSet: 'utf-8'}), h('title', meta.title), ...stylesheets.map((href) => h('link', {rel: 'stylesheet', href}))]),
        body,
      ]),
    ],
  };
  // Vertical quotes and upright numbers, as on the book's own cover page.
  adaptTree(meta, tree, 'css');
  return unified().use(rehypeStringify).stringify(tree);
}

/** The sheet's measures for templates/cover-spread.css: the page size and where the panels go. */
export function spreadCss(spread: Spread): string {
  const mm = (value: number) => `${Number(value.toFixed(3))}mm`;
  const type = spineType(spread.spine.width);
  const size = `size: ${mm(spread.width)} ${mm(spread.height)}; margin: 0;`;
  // The front is the book's cover page, a named page: the same size for it.
  return `@page { ${size} }
@page cover { ${size} }
:root {
  --bleed: ${mm(spread.bleed)};
  --spread-width: ${mm(spread.width)};
  --spread-height: ${mm(spread.height)};
  --back-x: ${mm(spread.back.x)};
  --spine-x: ${mm(spread.spine.x)};
  --spine-width: ${mm(spread.spine.width)};
  --front-x: ${mm(spread.front.x)};
  --spine-title-size: ${type ? type.title.toFixed(2) : 0}pt;
  --spine-author-size: ${type ? type.author.toFixed(2) : 0}pt;
}
`;
}
