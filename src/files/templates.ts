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
  return readFile(templatePath(bookDir, name), 'utf8');
}

/** Where the template `name` used for a book is: the book's own copy, else huibian's. */
export function templatePath(bookDir: string, name: string): string {
  const own = path.join(bookDir, 'templates', name);
  return existsSync(own) ? own : path.join(BUILTIN_TEMPLATES, name);
}
