/**
 * The vertical book as one document to print: the front matter, the body and the back matter
 * as Chromium laid them out piece by piece (lines, notes and tables set by the page code), an
 * empty page where a section must begin on a recto and would not, and after the book's pages
 * one page per page of the book holding its running head and folio, which sheet-pages.ts lays
 * over the book's pages once printed (Chromium has no string-set and numbers pages
 * physically). Printed once, the PDF has one structure tree in reading order, each font once,
 * and its links within itself.
 */
import {h} from 'hastscript';
import rehypeStringify from 'rehype-stringify';
import {unified} from 'unified';
import type {LaidOutBody} from '../page/laid-out-body.js';

/**
 * The sheets are laid out at this scale and drawn at their size again (sheet-pages.ts): a box
 * as tall as the page in a vertical book's flow makes Chromium shrink the whole print to fit
 * (measured: every page at 0.83 on a book whose first pages' margins were all it had).
 */
export const SHEET_ZOOM = 0.5;

/**
 * The sheets take a page each, from its top right corner; what they hold is set horizontally
 * (the sheets themselves stay in the vertical flow, which breaks into pages: a horizontal sheet
 * in it took two). An empty page is a nothing between two breaks. Set here, not in the
 * templates a book may replace.
 */
const BOOK_CSS = [
  '@page book-sheet { margin: 0; }',
  '.blank-page { break-before: page; break-after: page; block-size: 1px; }',
  '.book-sheets { page: book-sheet; break-before: page; }',
  `.book-sheets > .sheet { zoom: ${SHEET_ZOOM}; }`,
  '.book-sheets > .sheet > * { writing-mode: horizontal-tb; }',
  '.book-sheets > .sheet:last-child { break-after: auto; }',
].join('\n');

/**
 * running-heads.css (a template) clears the page's and the body's margins for a document of
 * sheets alone. Linked first, the book's page rules come after it and win; the body gets its
 * default margin back, with which the pieces were laid out.
 */
const KEEP_BODY_MARGIN = 'html, body { margin: revert; }';

export interface VerticalBookDocument {
  title: string;
  /** The book's stylesheets, as the pieces linked them. */
  stylesheets: string[];
  /** The pieces in their order; the first one's root attributes are the document's. */
  pieces: LaidOutBody[];
  /** Each page's running head and folio (markup), one per page of the book. */
  sheets: string[];
}

export function verticalBookDocument({title, stylesheets, pieces, sheets}: VerticalBookDocument): string {
  const links = (names: string[]) => names.map((href) => h('link', {rel: 'stylesheet', href}));
  // The pieces and sheets are markup already: laid in as they are.
  const raw = (value: string) => ({type: 'raw' as const, value});
  const tree = h(null, [
    {type: 'doctype'},
    h('html', pieces[0]?.root ?? {}, [
      h('head', [
        h('meta', {charSet: 'utf-8'}),
        h('title', title),
        ...links(['running-heads.css']),
        h('style', KEEP_BODY_MARGIN),
        ...links(stylesheets),
        h('style', BOOK_CSS),
      ]),
      h('body', [...pieces.map((piece) => raw(piece.body)), h('div.book-sheets', {ariaHidden: 'true'}, sheets.map(raw))]),
    ]),
  ]);
  return unified().use(rehypeStringify, {allowDangerousHtml: true}).stringify(tree);
}
