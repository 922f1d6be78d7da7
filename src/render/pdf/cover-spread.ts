import type {Book} from '../../model/book.js';
import {codePointsOf, keepUsedFaces} from '../shared/fonts.js';
import {BASE_STYLESHEETS, bookStyleNames, type DocumentKind, siteFiles} from '../shared/site.js';
import {coverDocument, spreadCss} from './cover-document.js';
import type {RenderOptions} from './engine.js';
import {inPage} from './page-code.js';
import type {SpineFit} from './page/spine.js';
import {openDocument, printPdf, withPrintPage} from './print-page.js';
import {type Spread, spineType} from './spread-geometry.js';

/** The cover sheet's stylesheets: the book's cover styles, the sheet's own, then the book's (its knobs reach the cover). */
const COVER_KIND: DocumentKind = {stylesheets: [...BASE_STYLESHEETS, 'cover-spread.css'], scripts: [], notes: 'end', spacing: 'css'};

/** The cover sheet as Chromium printed it (one page, about the sheet's size), and what it prints. */
export interface PrintedCover {
  pdf: Uint8Array;
  /** The text on the sheet, to check the PDF against. */
  text: string;
  /** Where the spine's text went: printed, none (a narrow spine), or left off (the title would not fit). */
  spine: SpineFit;
}

/** The smallest spine type kept: below it the spine goes without text. */
const MIN_SPINE_TYPE = 6;

/** Print the cover sheet of `spread` in Chromium, in the book's fonts and styles. */
export async function coverSpreadPdf(book: Book, spread: Spread, options: RenderOptions = {}): Promise<PrintedCover> {
  const site = await siteFiles(book, COVER_KIND);
  // The measures last: they set the page size over book.css's.
  const html = coverDocument(book, spread, [...COVER_KIND.stylesheets, ...bookStyleNames(book), 'spread.css']);
  site.files.set('cover.html', html);
  site.files.set('spread.css', spreadCss(spread));
  // Only the font slices the sheet prints: a few instead of five hundred.
  site.files.set('fonts.css', keepUsedFaces(String(site.files.get('fonts.css')), codePointsOf(html)).css);
  const type = spineType(spread.spine.width);
  return withPrintPage(site, options, async (context) => {
    await openDocument(context, 'cover.html');
    const minScale = type ? MIN_SPINE_TYPE / type.title : 1;
    const {spine, text} = await context.guard(inPage(context.page, 'fitSpine', minScale));
    const pdf = await context.guard(printPdf(context.page, {tagged: false}));
    return {pdf, text, spine};
  });
}
