import type {Element} from 'hast';
import {h} from 'hastscript';
import rehypeStringify from 'rehype-stringify';
import {unified} from 'unified';
import {articlesOf, type Book, type BookMeta} from '../../model/book.js';
import {apparatusId, apparatusTitle} from '../shared/apparatus.js';
import {folioText, romanFolio} from '../shared/folios.js';
import {labelsFor} from '../shared/labels.js';
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

/** Where the pieces landed in the finished book, as the running heads need it. */
export interface SheetLayout {
  pageCount: number;
  bodyStart: number;
  /** Section id → 0-based page index in the finished book. */
  anchors: Record<string, number>;
  /** Indices of the blank pages inserted in the body. */
  bodyBlanks: number[];
  /** Whether a blank page ends the front matter (to bring the body onto a recto). */
  padded: boolean;
}

/** What each page of the finished book shows in its margins. */
export function sheetsOf(book: Book, layout: SheetLayout): Sheet[] {
  const {pageCount, bodyStart, anchors, bodyBlanks, padded} = layout;
  const parts = new Set(book.parts.map((p) => anchors[p.id]));
  // The pages where an article or a generated section opens, with the running head its pages carry.
  const labels = labelsFor(book.meta.language);
  const openings = new Map<number, string>([
    ...articlesOf(book).map((a): [number, string] => [anchors[a.id]!, a.runningHead]),
    ...[...book.apparatus.front, ...book.apparatus.back]
      .filter((name) => anchors[apparatusId(name)] !== undefined)
      .map((name): [number, string] => [anchors[apparatusId(name)]!, apparatusTitle(name, labels)]),
  ]);
  const blanks = new Set(bodyBlanks);
  const sheets: Sheet[] = [];
  let current: string | undefined = articlesOf(book)[0]?.runningHead;
  for (let index = 0; index < pageCount; index++) {
    if (index < bodyStart) {
      if (padded && index === bodyStart - 1) {
        sheets.push({kind: 'blank'});
        continue;
      }
      const folio = index >= anchors.toc! && index < bodyStart ? romanFolio(index + 1) : undefined;
      sheets.push({kind: folio ? 'front' : 'cover', folio});
      continue;
    }
    const folio = folioText(index - bodyStart + 1, book.meta.folio);
    if (blanks.has(index)) sheets.push({kind: 'blank'});
    else if (parts.has(index)) sheets.push({kind: 'part'});
    else if (openings.has(index)) {
      current = openings.get(index);
      sheets.push({kind: 'opening', folio});
    } else {
      // Recto (even index): the article; verso: the book.
      sheets.push({kind: 'body', folio, head: index % 2 === 0 ? current : book.meta.runningHead});
    }
  }
  return sheets;
}

/** The running heads' custom properties lining them up with the text `area`, when it is known. */
export function areaStyle(area?: TextArea): string | undefined {
  return area ? `--text-recto-left: ${area.rectoLeft}px; --text-verso-left: ${area.versoLeft}px; --text-width: ${area.width}px` : undefined;
}

/** The running head and folio of the book's page `index` (0-based; page 1 is a recto), hidden from the PDF's structure: they are not the text. */
function sheetElement(sheet: Sheet, index: number): Element {
  return h(`div.sheet.${index % 2 === 0 ? 'recto' : 'verso'}.kind-${sheet.kind}`, {ariaHidden: 'true'}, [
    sheet.head ? h('div.running-head', sheet.head) : undefined,
    sheet.folio ? h('div.folio', sheet.folio) : undefined,
  ]);
}

/** Each sheet's markup, to be laid in its page (templates/running-heads.css places it). */
export function sheetMarkup(sheets: Sheet[]): string[] {
  const processor = unified().use(rehypeStringify);
  return sheets.map((sheet, index) => processor.stringify(h(null, [sheetElement(sheet, index)])));
}

/**
 * A document with one page per page of the book holding only its running head and folio, to
 * be laid over the book's pages (templates/running-heads.css places them, along `area` when
 * given). Page 1 is a recto.
 */
export function runningHeadsDocument(meta: BookMeta, sheets: Sheet[], stylesheets: string[], area?: TextArea): string {
  const tree = h(null, [
    {type: 'doctype'},
    h('html', {lang: meta.language, className: [writingModeOf(meta).htmlClass], style: areaStyle(area)}, [
      h('head', [h('meta', {charSet: 'utf-8'}), ...stylesheets.map((href) => h('link', {rel: 'stylesheet', href}))]),
      h('body', sheets.map(sheetElement)),
    ]),
  ]);
  return unified().use(rehypeStringify).stringify(tree);
}
