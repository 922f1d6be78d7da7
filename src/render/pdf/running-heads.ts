import {h} from 'hastscript';
import rehypeStringify from 'rehype-stringify';
import {unified} from 'unified';
import type {BookMeta} from '../../model/book.js';
import {writingModeOf} from '../shared/writing-mode.js';

/** What a printed page is, for its running head and folio. */
type SheetKind = 'cover' | 'front' | 'blank' | 'part' | 'opening' | 'body';

/** One page of the finished book as the overlay sees it. */
export interface Sheet {
  kind: SheetKind;
  /** Running head text (body pages only). */
  head?: string;
  /** Folio text, if the page shows one. */
  folio?: string;
}

/** Where the text area of the book's pages lies (CSS px from the page's left edge), for the heads to line up with it. */
export interface TextArea {
  rectoLeft: number;
  versoLeft: number;
  width: number;
}

/**
 * A document with one page per page of the book holding only its running head and folio, to
 * be laid over the book's pages (templates/running-heads.css places them, along `area` when
 * given). Page 1 is a recto.
 */
export function runningHeadsDocument(meta: BookMeta, sheets: Sheet[], stylesheets: string[], area?: TextArea): string {
  const style = area ? `--text-recto-left: ${area.rectoLeft}px; --text-verso-left: ${area.versoLeft}px; --text-width: ${area.width}px` : undefined;
  const tree = h(null, [
    {type: 'doctype'},
    h('html', {lang: meta.language, className: [writingModeOf(meta).htmlClass], style}, [
      h('head', [h('meta', {charSet: 'utf-8'}), ...stylesheets.map((href) => h('link', {rel: 'stylesheet', href}))]),
      h(
        'body',
        sheets.map((sheet, index) =>
          h(`div.sheet.${index % 2 === 0 ? 'recto' : 'verso'}.kind-${sheet.kind}`, [
            sheet.head ? h('div.running-head', sheet.head) : undefined,
            sheet.folio ? h('div.folio', sheet.folio) : undefined,
          ]),
        ),
      ),
    ]),
  ]);
  return unified().use(rehypeStringify).stringify(tree);
}
