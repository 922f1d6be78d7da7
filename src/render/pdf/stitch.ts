/**
 * A book laid out in pieces, each from a recto: which sections must begin on a recto, where
 * blank pages bring them there, and (for a vertical book whose one print went wrong) the
 * pieces put together with the running heads laid over them from a document of their own.
 */
import {type LoadOptions, ParseSpeeds, PDFDocument} from 'pdf-lib';
import type {Book} from '../../model/book.js';
import {bookStyleNames} from '../shared/site.js';
import {openDocument, type PrintContext, printPdf} from './print-page.js';
import {runningHeadsDocument, type SheetLayout, sheetsOf} from './running-heads.js';

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

/** The sections before which the blank pages of {@link blanksFor} go: the first of `ids` opening on each page of `blanks`. */
export function blankSections(ids: string[], starts: Map<string, number>, blanks: number[]): string[] {
  return blanks.map((at) => ids.find((id) => starts.get(id) === at)!);
}

/** Copy all pages of `source` into `target`, with a blank page before each index in `blanks`. */
export async function append(target: PDFDocument, source: PDFDocument, blanks: number[]): Promise<void> {
  const pages = await target.copyPages(source, source.getPageIndices());
  pages.forEach((page, index) => {
    for (const at of blanks) if (at === index) addBlank(target, page.getSize());
    target.addPage(page);
  });
}

export function addBlank(doc: PDFDocument, size = doc.getPage(doc.getPageCount() - 1).getSize()): void {
  doc.addPage([size.width, size.height]);
}

/**
 * Print the running heads and folios of `layout` as a document of their own (the site must
 * serve `running-heads.css`) and lay each of its pages over the book's page.
 */
export async function stampRunningHeads(
  context: PrintContext,
  book: Book,
  whole: PDFDocument,
  layout: SheetLayout,
  files: Map<string, string | Buffer>,
): Promise<void> {
  const sheets = sheetsOf(book, layout);
  const html = runningHeadsDocument(book.meta, sheets, ['fonts.css', 'book.css', 'running-heads.css', ...bookStyleNames(book)]);
  files.set('running-heads.html', html);
  await openDocument(context, 'running-heads.html');
  context.kick();
  const overlay = await PDFDocument.load(await context.guard(printPdf(context.page, {tagged: false})), FAST);
  const stamps = await whole.embedPages(overlay.getPages().slice(0, sheets.length));
  whole.getPages().forEach((page, i) => {
    page.drawPage(stamps[i]!, {x: 0, y: 0});
  });
}
