import {FONT_WEIGHTS} from '../../shared/fonts.js';
import {pageScript} from '../page-code.js';
import type {PreviewSettings} from '../page/preview.js';
import {MIN_TABLE_ZOOM} from '../print-page.js';
import type {Book} from '../../../model/book.js';
import {folioText} from '../../shared/folios.js';
import type {Layout} from '../engine.js';
import {PARAGRAPH_CHUNK_LINES} from './chunks.js';

/** Where the preview page posts its layout to get the TOC's folios back (they are numbered in the book's style by huibian). */
export const FOLIOS_PATH = '/__huibian/folios';

/**
 * The script a preview page runs in the reader's own browser: the page code (page-code.ts),
 * and once the page has loaded, the steps of the Paged.js engine (`layOutPreview`), so that
 * the preview is laid out as the PDF is.
 */
export function previewScript(): string {
  const settings: PreviewSettings = {fontWeights: FONT_WEIGHTS, minZoom: MIN_TABLE_ZOOM, chunkLines: PARAGRAPH_CHUNK_LINES, foliosPath: FOLIOS_PATH};
  return `window.huibianProgress = () => {};
${pageScript()}
window.addEventListener('load', () => window.huibian.layOutPreview(${JSON.stringify(settings)}));
`;
}

/** The TOC's folio for each anchor, from the page where it landed in the preview (the TOC's own anchor left out). */
export function tocFolios(layout: Layout, folio: Book['meta']['folio']): Array<[string, string]> {
  return Object.entries(layout.anchors)
    .filter(([id]) => id !== 'toc')
    .map(([id, index]): [string, string] => [id, folioText(index - layout.bodyStart + 1, folio)]);
}
