import {FONT_WEIGHTS} from '../../shared/fonts.js';
import {cutBlockInPage, fitWideTablesInPage, loadFontsInPage, textAreaInPage} from '../in-page.js';
import {setLinesInPage} from '../line-pass.js';
import {MIN_TABLE_ZOOM} from '../print-page.js';
import {PARAGRAPH_CHUNK_LINES} from './engine.js';
import {fillTocInPage, paginateInPage} from './paginate.js';

/** Where the preview page posts its layout to get the TOC's folios back (they are numbered in the book's style by huibian). */
export const FOLIOS_PATH = '/__huibian/folios';

/**
 * The script a preview page runs in the reader's own browser: the steps of the Paged.js engine,
 * from the same functions it hands to Chromium (fonts first, wide tables fitted, the line pass,
 * Paged.js, the halving pass, the TOC's folios), so that the preview is laid out as the PDF is.
 * When done it sets `window.huibianLaidOut` and fires `huibian-laid-out`; a failure is shown at the top of the page.
 */
export function previewScript(): string {
  // Each function as source, to be called in the page (they use nothing outside their bodies).
  const fn = (f: (...args: never[]) => unknown) => `(${f.toString()})`;
  return `window.huibianProgress = () => {};
window.huibianCutBlock = ${fn(cutBlockInPage)};
window.addEventListener('load', async () => {
  try {
    await ${fn(loadFontsInPage)}(${JSON.stringify(FONT_WEIGHTS)});
    const area = ${fn(textAreaInPage)}();
    ${fn(fitWideTablesInPage)}({limit: area.width, minZoom: ${MIN_TABLE_ZOOM}});
    ${fn(setLinesInPage)}({inline: area.width, vertical: false, bodyMargin: false, steps: 'breaks', chunkLines: ${PARAGRAPH_CHUNK_LINES}});
    const layout = await ${fn(paginateInPage)}();
    ${fn(setLinesInPage)}({inline: area.width, vertical: false, bodyMargin: false, steps: 'halve'});
    const folios = await (await fetch(${JSON.stringify(FOLIOS_PATH)}, {method: 'POST', body: JSON.stringify(layout)})).json();
    ${fn(fillTocInPage)}(folios);
    window.huibianLaidOut = true;
    window.dispatchEvent(new Event('huibian-laid-out'));
  } catch (error) {
    const note = document.createElement('pre');
    note.className = 'huibian-preview-error';
    note.textContent = '分页预览出错：' + error;
    document.body.prepend(note);
  }
});
`;
}
