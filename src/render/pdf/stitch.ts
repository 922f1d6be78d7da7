/**
 * A book printed in pieces, put together: blank pages where a part or article must begin on
 * a recto, and the running heads and folios laid over every page from a second document, so
 * that no piece's pages depend on where they land. Both engines stitch their pieces here.
 */
import {type LoadOptions, ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, type PDFObject} from 'pdf-lib';
import {articlesOf, type Book} from '../../model/book.js';
import {apparatusId, apparatusTitle} from '../shared/apparatus.js';
import {labelsFor} from '../shared/labels.js';
import {bookStyleNames} from '../shared/site.js';
import {folioText, romanFolio} from '../shared/folios.js';
import {openDocument, type PrintContext, printPdf} from './print-page.js';
import {runningHeadsDocument, type Sheet, type TextArea} from './running-heads.js';

/**
 * How pieces are read: at once, not a hundred objects per turn of the event loop (pdf-lib's
 * default), which costs a second on a long book.
 */
export const FAST: LoadOptions = {parseSpeed: ParseSpeeds.Fastest, updateMetadata: false};

/** Ids that must begin on a recto: parts, the first article after each part page, and with `recto` every article. */
export function rectoStarts(book: Book): string[] {
  const ids: string[] = [];
  const everyArticle = book.meta.articleStart === 'recto';
  if (everyArticle) ids.push(...book.front.map((a) => a.id));
  for (const part of book.parts) {
    ids.push(part.id);
    ids.push(...(everyArticle ? part.articles : part.articles.slice(0, 1)).map((a) => a.id));
  }
  return ids;
}

/**
 * Where to insert blank pages (0-based indices in the unpadded document, before which one
 * blank goes) so that each page in `starts` (in order) lands on a recto: an even index, as
 * page 1 is a recto. Each start already begins a page, so a blank shifts only what follows.
 */
export function blanksFor(starts: number[]): number[] {
  const blanks: number[] = [];
  for (const start of starts) {
    if ((start + blanks.length) % 2 === 1) blanks.push(start);
  }
  return blanks;
}

/**
 * Copy all pages of `source` into `target`, with a blank page before each index in `blanks`;
 * `shift(i)` moves page `i`'s content (and its links) sideways by that many points.
 */
export async function append(target: PDFDocument, source: PDFDocument, blanks: number[], shift?: (index: number) => number): Promise<void> {
  const pages = await target.copyPages(source, source.getPageIndices());
  pages.forEach((page, index) => {
    for (const at of blanks) if (at === index) addBlank(target, page.getSize());
    const dx = shift?.(index) ?? 0;
    if (dx !== 0) {
      page.translateContent(dx, 0);
      moveAnnotations(page.node.lookup(PDFName.of('Annots')), dx);
    }
    target.addPage(page);
  });
}

/** Move each annotation's rectangle (and quad points) `dx` points sideways, with the page content it marks. */
function moveAnnotations(annotations: PDFObject | undefined, dx: number): void {
  if (!(annotations instanceof PDFArray)) return;
  for (let i = 0; i < annotations.size(); i++) {
    const annotation = annotations.lookup(i);
    if (!(annotation instanceof PDFDict)) continue;
    for (const key of ['Rect', 'QuadPoints']) {
      const values = annotation.lookup(PDFName.of(key));
      if (!(values instanceof PDFArray)) continue;
      for (let j = 0; j < values.size(); j += 2) {
        const x = values.lookup(j);
        if (x instanceof PDFNumber) values.set(j, PDFNumber.of(x.asNumber() + dx));
      }
    }
  }
}

export function addBlank(doc: PDFDocument, size = doc.getPage(doc.getPageCount() - 1).getSize()): void {
  doc.addPage([size.width, size.height]);
}

/** Where the pieces landed in the finished book, as the running heads need it. */
export interface StitchedLayout {
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
function sheetsOf(book: Book, layout: StitchedLayout): Sheet[] {
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

/**
 * Print the running heads and folios of `layout` as a document of their own (the site must
 * serve `running-heads.css`) and lay each of its pages over the book's page, the heads lined
 * up with the text `area` when known. `cached` may supply the overlay's print, keyed by its
 * HTML, instead of printing it again.
 */
export async function stampRunningHeads(
  context: PrintContext | (() => Promise<PrintContext>),
  book: Book,
  whole: PDFDocument,
  layout: StitchedLayout,
  files: Map<string, string | Buffer>,
  {cached, area}: {cached?: (html: string, print: () => Promise<Uint8Array>) => Promise<Uint8Array>; area?: TextArea} = {},
): Promise<void> {
  const sheets = sheetsOf(book, layout);
  const html = runningHeadsDocument(book.meta, sheets, ['fonts.css', 'book.css', 'running-heads.css', ...bookStyleNames(book)], area);
  files.set('running-heads.html', html);
  const print = async () => {
    // A page is asked for only when the overlay has to be printed (not when it is cached).
    const printing = typeof context === 'function' ? await context() : context;
    await openDocument(printing, 'running-heads.html');
    printing.kick();
    return printing.guard(printPdf(printing.page, {tagged: false}));
  };
  const overlay = await PDFDocument.load(cached ? await cached(html, print) : await print(), FAST);
  const stamps = await whole.embedPages(overlay.getPages().slice(0, sheets.length));
  whole.getPages().forEach((page, i) => {
    page.drawPage(stamps[i]!, {x: 0, y: 0});
  });
}
