import {existsSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {huibianRoot} from './package-dir.js';

/** The templates shipped with huibian (`templates/` at the package root). */
const BUILTIN_TEMPLATES = path.join(huibianRoot(), 'templates');

/**
 * Read a template: the book folder's own `templates/NAME` when it has one (users edit their
 * copy), otherwise huibian's.
 */
export async function readTemplate(bookDir: string, name: string): Promise<string> {
  const file = templatePath(bookDir, name);
  const css = await readFile(file, 'utf8');
  return file.startsWith(BUILTIN_TEMPLATES) ? css : withoutOutsideReferences(css);
}

/** One of the book's own stylesheets (`templates/custom.css`, book.yaml's `styles`), without its outside references. */
export async function readBookStylesheet(file: string): Promise<string> {
  return withoutOutsideReferences(await readFile(file, 'utf8'));
}

/** Where a stylesheet reaches for a file: an `@import` rule or a `url()` other than `data:`. */
export interface OutsideReference {
  /** Offset in the CSS, and the text to take out. */
  index: number;
  text: string;
  line: number;
  column: number;
}

/**
 * The references in a book's own stylesheet that reach for files. A template travels into the
 * EPUB and the HTML site as it is, where a reader would follow a remote `@import` or a
 * `file:` url; the PDF's browser refuses them all. Only `data:` urls stay.
 */
export function outsideReferences(css: string): OutsideReference[] {
  // Comments blanked out (positions kept): a reference in a comment reaches nothing.
  const clean = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  const found: OutsideReference[] = [];
  for (const match of clean.matchAll(/@import\b[^;]*;?|\burl\(\s*(?!['"]?data:)(?:"[^"]*"|'[^']*'|[^)]*)\s*\)/gi)) {
    const before = clean.slice(0, match.index);
    // A `url()` inside an `@import` is matched with the rule.
    found.push({index: match.index, text: match[0], line: before.split('\n').length, column: match.index - before.lastIndexOf('\n')});
  }
  return found;
}

/** A book's stylesheet without its outside references: `@import`s removed, `url()`s made `none`. */
function withoutOutsideReferences(css: string): string {
  let result = css;
  for (const ref of outsideReferences(css).reverse()) {
    result = result.slice(0, ref.index) + (/^@import/i.test(ref.text) ? '' : 'none') + result.slice(ref.index + ref.text.length);
  }
  return result;
}

/** Where the template `name` used for a book is: the book's own copy, else huibian's. */
export function templatePath(bookDir: string, name: string): string {
  const own = path.join(bookDir, 'templates', name);
  return existsSync(own) ? own : path.join(BUILTIN_TEMPLATES, name);
}
