import type {Book} from '../../model/book.js';
import path from 'node:path';
import {readBookStylesheet, readTemplate} from '../../files/templates.js';
import {scriptOf} from '../../typography/script.js';
import {fontSheet} from './fonts.js';
import {bookStylesheet} from './book-css.js';
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
  /**
   * Generated files that never change while the site is served (a writer's own script): the
   * browser may keep them. Paged.js (0.9 MB) was fetched and compiled again for every chunk.
   */
  fixed?: Set<string>;
}

/**
 * How a writer lays the print document out, which decides what it links: its stylesheets in
 * cascade order (templates, or files it brings), its scripts, where notes go and how
 * Han–Latin spacing is done.
 */
export interface DocumentKind {
  stylesheets: string[];
  scripts: string[];
  /** Footnotes at their call (for `float: footnote`), or gathered at the end of each article. */
  notes: 'inline' | 'end';
  /** Spacing and punctuation squeeze from Chromium's CSS, or as markup any browser shows. */
  spacing: 'css' | 'markup';
  /** Printed as a tagged PDF: the document marks what the structure needs (structure-marks.ts). */
  tagged?: boolean;
  /** Files of the writer's own that the document links (a script, engine CSS). */
  files?(): Promise<Map<string, string | Buffer>>;
}

/** The stylesheets every kind links first: fonts, the book's page size and variables, the element styles. */
export const BASE_STYLESHEETS = ['fonts.css', 'book.css', 'print.css'];

/**
 * Everything a print document links, without the document itself: fonts, the book's page
 * size, the templates the kind names, the kind's own files, images.
 */
export async function siteFiles(book: Book, kind: DocumentKind): Promise<Site> {
  const fonts = await fontSheet(scriptOf(book.meta.language));
  const own = (await kind.files?.()) ?? new Map<string, string | Buffer>();
  const files = new Map<string, string | Buffer>([['fonts.css', fonts.css], ['book.css', bookStylesheet(book.meta)], ...own]);
  for (const name of kind.stylesheets.filter((n) => !files.has(n))) files.set(name, await readTemplate(book.dir, name));
  for (const [i, name] of bookStyleNames(book).entries()) files.set(name, await readBookStylesheet(book.styles[i]!));
  return {files, links: new Map(book.assets.map((a) => [a.url, a.path])), mounts: fonts.mounts, fixed: new Set(own.keys())};
}

/** The book's own stylesheets as a site serves them (`styles/1-custom.css` …), linked after huibian's. */
export function bookStyleNames(book: Book): string[] {
  return book.styles.map((file, i) => `styles/${i + 1}-${path.basename(file)}`);
}

/** The options of {@link printDocument} that depend on the kind: what it links, where notes go, how spacing is done. */
export async function documentLinks(
  book: Book,
  kind: DocumentKind,
): Promise<Pick<PrintOptions, 'stylesheets' | 'scripts' | 'svgs' | 'spacing' | 'notes' | 'tagged'>> {
  return {
    notes: kind.notes,
    tagged: kind.tagged,
    stylesheets: [...kind.stylesheets, ...bookStyleNames(book)],
    scripts: kind.scripts,
    svgs: await loadSvgs(book.assets, book.meta),
    spacing: kind.spacing,
  };
}

/** The whole book as one document (`index.html`) and everything it links. */
export async function printSite(book: Book, kind: DocumentKind): Promise<Site> {
  const site = await siteFiles(book, kind);
  site.files.set('index.html', printDocument(book, await documentLinks(book, kind)));
  return site;
}
