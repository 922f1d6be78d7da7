/**
 * The code that runs inside the browser page, as ES modules of its own (plain TypeScript, no
 * Node imports: src/render/pdf/page/ may import only itself and typography/marks.ts). The
 * compiled modules are served to the page with the book's files and imported once per
 * document (page-code.ts), which installs this entry as `window.huibian`; the program then
 * calls its functions by name (`inPage`).
 */
import {loadedFaces, loadFaces, loadFonts} from './fonts.js';
import {outlineHeadings} from './headings.js';
import {laidOutBody, liftSheets} from './laid-out-body.js';
import {laidOutPages} from './laid-out-pages.js';
import {setLines} from './lines/line-pass.js';
import {placeNotes} from './notes/place-notes.js';
import {pageSides} from './page-sides.js';
import {fillToc, paginate} from './paginate.js';
import {layOutPreview} from './preview.js';
import {bodyText, sectionTexts} from './sections.js';
import {fitSpine} from './spine.js';
import {splitTallTables} from './tall-tables.js';
import {textArea} from './text-area.js';
import {fitWideTables} from './wide-tables.js';

const pageCode = {
  loadFonts,
  loadFaces,
  loadedFaces,
  textArea,
  fitWideTables,
  setLines,
  paginate,
  fillToc,
  laidOutPages,
  laidOutBody,
  liftSheets,
  pageSides,
  splitTallTables,
  outlineHeadings,
  placeNotes,
  bodyText,
  sectionTexts,
  fitSpine,
  layOutPreview,
};

/** The functions the page offers once its code is installed. */
export type PageCode = typeof pageCode;

declare global {
  interface Window {
    /** The page's own code (see the module comment). */
    huibian: PageCode;
  }
}

window.huibian = pageCode;
