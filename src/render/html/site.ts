import {readFile} from 'node:fs/promises';
import path from 'node:path';
import type {Book} from '../../model/book.js';
import {packageDir} from '../../files/package-dir.js';
import {readTemplate} from '../../files/templates.js';
import {fontSheet, scriptOf} from '../fonts.js';
import {bookStylesheet} from './book-css.js';
import {PAGED_FIXES} from './engine-css.js';
import {loadSvgs} from './inline-svg.js';
import {printDocument, type PrintOptions} from './print-document.js';

/** What a page of the book may load: generated files, single files on disk, and mounted folders. */
export interface Site {
  /** URL path without leading slash → content. */
  files: Map<string, string | Buffer>;
  /** URL path → file on disk (images). */
  links: Map<string, string>;
  /** URL prefix (`fonts/song/`) → folder. */
  mounts: Map<string, string>;
}

/** How the print document will be laid out, which decides what it links. */
export type Engine = 'paged' | 'native' | 'screen';

/** Stylesheets of each engine, in cascade order. */
const STYLESHEETS: Record<Engine, string[]> = {
  paged: ['fonts.css', 'book.css', 'print.css', 'pages-horizontal.css', 'paged-fixes.css'],
  native: ['fonts.css', 'book.css', 'print.css', 'pages-vertical.css'],
  screen: ['fonts.css', 'book.css', 'print.css'],
};

/**
 * Everything a print document links, without the document itself: fonts, the book's page
 * size, the templates the engine needs, images, and Paged.js for the `paged` engine.
 */
export async function siteFiles(book: Book, engine: Engine): Promise<Site> {
  const fonts = await fontSheet(scriptOf(book.meta.language));
  const files = new Map<string, string | Buffer>([
    ['fonts.css', fonts.css],
    ['book.css', bookStylesheet(book.meta)],
  ]);
  for (const name of STYLESHEETS[engine].filter((n) => !files.has(n) && n !== 'paged-fixes.css')) {
    files.set(name, await readTemplate(book.dir, name));
  }
  if (engine === 'paged') {
    files.set('paged.js', await readFile(path.join(packageDir('pagedjs'), 'dist', 'paged.js')));
    files.set('paged-fixes.css', PAGED_FIXES);
  }
  return {files, links: new Map(book.assets.map((a) => [a.url, a.path])), mounts: fonts.mounts};
}

/** The options of {@link printDocument} that depend on the engine: what it links, where notes go, how spacing is done. */
export async function documentLinks(book: Book, engine: Engine): Promise<Pick<PrintOptions, 'stylesheets' | 'scripts' | 'svgs' | 'spacing' | 'notes'>> {
  return {
    // Only Paged.js sets notes at the page foot; elsewhere they close each article.
    notes: engine === 'paged' ? 'inline' : 'end',
    stylesheets: STYLESHEETS[engine],
    scripts: engine === 'paged' ? ['paged.js'] : [],
    svgs: await loadSvgs(book.assets),
    // Any browser may open the HTML output; only Chromium is sure to have text-autospace.
    spacing: engine === 'screen' ? 'markup' : 'css',
  };
}

/**
 * The whole book as one document (`index.html`) and everything it links: for Paged.js (the
 * horizontal PDF), or a plain page a browser shows as one long scroll (`--format html`).
 */
export async function printSite(book: Book, engine: 'paged' | 'screen'): Promise<Site> {
  const site = await siteFiles(book, engine);
  site.files.set('index.html', printDocument(book, await documentLinks(book, engine)));
  return site;
}
