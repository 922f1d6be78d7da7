/**
 * The source lines of offprints printed by Chromium in the book's fonts, one page each, and
 * laid over the first page of each offprint: the page keeps its content and its side, and
 * gains the line in its margin (templates/offprint.css places it).
 */
import type {Root} from 'hast';
import {h} from 'hastscript';
import type {PDFDocument} from 'pdf-lib';
import rehypeStringify from 'rehype-stringify';
import {unified} from 'unified';
import type {Book, BookMeta} from '../../model/book.js';
import {bookStyleNames, siteFiles} from '../shared/site.js';
import {writingModeOf} from '../shared/writing-mode.js';
import type {RenderOptions} from './engine.js';
import {openDocument, printPdf, withPrintPage} from './print-page.js';
import {printedLine} from './source-line.js';

/** One source line and the side of the book page it goes on (the inner margin differs). */
export interface SourceSlip {
  line: string;
  /** The page is a recto in the book (an even 0-based index). */
  recto: boolean;
}

// The overlay's pages are running-heads.css's sheets; offprint.css places the line on them.
const STYLESHEETS = ['fonts.css', 'book.css', 'running-heads.css', 'offprint.css'];

/**
 * A document with one page per slip, each the book's page size and empty but for its source
 * line, to be laid over an offprint's first page. Vertical books get the line set vertically,
 * with short numbers upright (typography rule 11).
 */
export function sourceLinesDocument(meta: BookMeta, slips: SourceSlip[], stylesheets: string[]): string {
  const body = h(
    'body',
    slips.map((slip) => h(`div.sheet.${slip.recto ? 'recto' : 'verso'}`, [h('p.source-line', printedLine(slip.line))])),
  );
  const mode = writingModeOf(meta);
  mode.setText({type: 'root', children: [body]});
  const tree: Root = h(null, [
    {type: 'doctype'},
    h('html', {lang: meta.language, className: [mode.htmlClass]}, [
      h('head', [h('meta', {charSet: 'utf-8'}), ...stylesheets.map((href) => h('link', {rel: 'stylesheet', href}))]),
      body,
    ]),
  ]);
  return unified().use(rehypeStringify).stringify(tree);
}

/** Print the slips' lines as a PDF of the book's page size, in the book's fonts and its own stylesheets. */
export async function printSourceLines(book: Book, slips: SourceSlip[], options: RenderOptions = {}): Promise<Uint8Array> {
  const site = await siteFiles(book, {stylesheets: STYLESHEETS, scripts: [], notes: 'end', spacing: 'css'});
  site.files.set('source-lines.html', sourceLinesDocument(book.meta, slips, [...STYLESHEETS, ...bookStyleNames(book)]));
  return withPrintPage(site, options, async (context) => {
    await openDocument(context, 'source-lines.html');
    return context.guard(printPdf(context.page, {tagged: false}));
  });
}

/** Lay page `index` of the printed lines over the first page of `doc`. */
export async function stampSourceLine(doc: PDFDocument, lines: PDFDocument, index: number): Promise<void> {
  const [stamp] = await doc.embedPages([lines.getPage(index)]);
  doc.getPage(0).drawPage(stamp!, {x: 0, y: 0});
}
