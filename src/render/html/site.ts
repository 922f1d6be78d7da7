import {readFile} from 'node:fs/promises';
import path from 'node:path';
import type {Book} from '../../book/model.js';
import {packageDir} from '../../files/package-dir.js';
import {readTemplate} from '../../files/templates.js';
import {fontSheet} from '../fonts.js';
import {bookStylesheet} from './book-css.js';
import {PAGED_FIXES} from './engine-css.js';
import {loadSvgs} from './inline-svg.js';
import {printDocument} from './print-document.js';

/** What a page of the book may load: generated files, single files on disk, and mounted folders. */
export interface Site {
  /** URL path without leading slash → content. */
  files: Map<string, string | Buffer>;
  /** URL path → file on disk (images). */
  links: Map<string, string>;
  /** URL prefix (`fonts/song/`) → folder. */
  mounts: Map<string, string>;
}

/**
 * The print document and everything it links. With `paged`, it also loads Paged.js (the PDF
 * path); without, it is a plain page a browser shows as one long scroll (`--format html`).
 */
export async function printSite(book: Book, {paged}: {paged: boolean}): Promise<Site> {
  const fonts = await fontSheet();
  const html = printDocument(book, {
    stylesheets: paged ? ['fonts.css', 'book.css', 'print.css', 'paged-fixes.css'] : ['fonts.css', 'book.css', 'print.css'],
    scripts: paged ? ['paged.js'] : [],
    svgs: await loadSvgs(book.assets),
  });
  const files = new Map<string, string | Buffer>([
    ['index.html', html],
    ['fonts.css', fonts.css],
    ['book.css', bookStylesheet(book.meta)],
    ['print.css', await readTemplate(book.dir, 'print.css')],
  ]);
  if (paged) {
    files.set('paged.js', await readFile(path.join(packageDir('pagedjs'), 'dist', 'paged.js')));
    files.set('paged-fixes.css', PAGED_FIXES);
  }
  return {files, links: new Map(book.assets.map((a) => [a.url, a.path])), mounts: fonts.mounts};
}
