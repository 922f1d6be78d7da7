import {loadFonts} from './fonts.js';
import {setLines} from './lines/line-pass.js';
import {fillToc, paginate} from './paginate.js';
import {textArea} from './text-area.js';
import {fitWideTables} from './wide-tables.js';

/** What the preview is laid out with: the engine's settings, and where to post the layout for the TOC's folios. */
export interface PreviewSettings {
  fontWeights: Array<[string, number[]]>;
  minZoom: number;
  chunkLines: number;
  foliosPath: string;
}

/**
 * Lay the preview out in the reader's own browser with the steps of the Paged.js engine
 * (fonts first, wide tables fitted, the line pass, Paged.js, the halving pass, the TOC's
 * folios, numbered in the book's style by huibian), so that the preview is laid out as the PDF
 * is. When done it sets `window.huibianLaidOut` and fires `huibian-laid-out`; a failure is
 * shown at the top of the page.
 */
export async function layOutPreview({fontWeights, minZoom, chunkLines, foliosPath}: PreviewSettings): Promise<void> {
  try {
    await loadFonts(fontWeights);
    const area = textArea();
    fitWideTables({limit: area.width, minZoom});
    setLines({inline: area.width, vertical: false, bodyMargin: false, steps: 'breaks', chunkLines});
    const layout = await paginate();
    setLines({inline: area.width, vertical: false, bodyMargin: false, steps: 'halve'});
    const folios = (await (await fetch(foliosPath, {method: 'POST', body: JSON.stringify(layout)})).json()) as Array<[string, string]>;
    fillToc(folios);
    (window as unknown as {huibianLaidOut: boolean}).huibianLaidOut = true;
    window.dispatchEvent(new Event('huibian-laid-out'));
  } catch (error) {
    const note = document.createElement('pre');
    note.className = 'huibian-preview-error';
    note.textContent = `分页预览出错：${error}`;
    document.body.prepend(note);
  }
}
