import type {Book} from '../../model/book.js';
import {keepUsedFaces} from '../shared/fonts.js';
import {BASE_STYLESHEETS, bookStyleNames, type DocumentKind, siteFiles} from '../shared/site.js';
import {coverDocument, spreadCss} from './cover-document.js';
import type {RenderOptions} from './engine.js';
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

type SpineFit = 'printed' | 'none' | 'too-long';

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
  site.files.set('fonts.css', keepUsedFaces(String(site.files.get('fonts.css')), new Set(Array.from(html, (c) => c.codePointAt(0)!))).css);
  const type = spineType(spread.spine.width);
  return withPrintPage(site, options, async (context) => {
    await openDocument(context, 'cover.html');
    const minScale = type ? MIN_SPINE_TYPE / type.title : 1;
    const {spine, text} = await context.guard(context.page.evaluate(fitSpineInPage, minScale));
    const pdf = await context.guard(printPdf(context.page, {tagged: false}));
    return {pdf, text, spine};
  });
}

/**
 * Runs in the page: shrink the spine's type until its title and author fit its length (a long
 * title; Latin letters stand upright), not below `minScale`; if it still does not fit, the
 * spine goes without text. Returns what became of the spine and the text the sheet prints.
 */
function fitSpineInPage(minScale: number): {spine: SpineFit; text: string} {
  const spine = document.querySelector<HTMLElement>('.spread-spine');
  let fit: SpineFit = spine && spine.childElementCount > 0 ? 'printed' : 'none';
  if (spine && fit === 'printed') {
    let scale = 1;
    while (spine.scrollHeight > spine.clientHeight + 1 && fit === 'printed') {
      scale *= 0.9;
      if (scale < minScale) {
        spine.replaceChildren();
        fit = 'too-long';
      } else spine.style.setProperty('--spine-scale', String(scale));
    }
  }
  return {spine: fit, text: document.body.textContent ?? ''};
}
