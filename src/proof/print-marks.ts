/**
 * The proof's own pages printed by Chromium in the book's fonts: the marks laid over each page
 * of the book, and the list of changes that opens a later round.
 */
import type {Book} from '../model/book.js';
import type {RenderOptions} from '../render/pdf/engine.js';
import {openDocument, printPdf, withPrintPage} from '../render/pdf/print-page.js';
import type {PrintedPage} from '../render/pdf/printed-lines.js';
import {bookStyleNames, siteFiles} from '../render/shared/site.js';
import {changeListDocument} from './change-list.js';
import type {ProofChanges} from './changes.js';
import {marksDocument} from './marks.js';
import type {ProofData} from './proof-data.js';

// The marks' pages are running-heads.css's sheets; proof.css places what is on them.
const STYLESHEETS = ['fonts.css', 'book.css', 'running-heads.css', 'proof.css'];

/** The marks (a page for each of the book's), and with `changes` the list of them. */
export async function printProofPages(
  book: Book,
  pages: PrintedPage[],
  data: ProofData,
  changes: ProofChanges | undefined,
  options: RenderOptions,
): Promise<{marks: Uint8Array; list?: Uint8Array}> {
  const site = await siteFiles(book, {stylesheets: STYLESHEETS, scripts: [], notes: 'end', spacing: 'css'});
  const stylesheets = [...STYLESHEETS, ...bookStyleNames(book)];
  site.files.set('proof-marks.html', marksDocument(book.meta, pages, data, changes?.bars ?? new Map(), stylesheets));
  if (changes) site.files.set('change-list.html', changeListDocument(book.meta, data, changes, stylesheets));
  return withPrintPage(site, options, async (context) => {
    await openDocument(context, 'proof-marks.html');
    const marks = await context.guard(printPdf(context.page, {tagged: false}));
    if (!changes) return {marks};
    await openDocument(context, 'change-list.html');
    return {marks, list: await context.guard(printPdf(context.page, {tagged: false}))};
  });
}
