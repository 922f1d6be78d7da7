import {copyFile, mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import type {Book} from '../../model/book.js';
import {BASE_STYLESHEETS, type DocumentKind, printSite} from '../shared/site.js';
import {codePointsOf, keepUsedFaces} from '../shared/fonts.js';

/**
 * A plain page that any browser shows as one long scroll: the print styles without page
 * rules, notes at each article's end, spacing as markup (only Chromium is sure to have
 * text-autospace).
 */
const SCREEN: DocumentKind = {stylesheets: BASE_STYLESHEETS, scripts: [], notes: 'end', spacing: 'markup'};

/**
 * Write the book as a folder of static HTML (`index.html`, styles, images, fonts). Of the
 * font slices only those whose `unicode-range` meets the book's text are copied: a few MB
 * instead of 180.
 */
export async function writeHtmlSite(book: Book, outDir: string): Promise<void> {
  const site = await printSite(book, SCREEN);
  const text = [...site.files.values()].filter((v) => typeof v === 'string').join('');
  const used = codePointsOf(text);
  const fontsCss = String(site.files.get('fonts.css'));
  const {css, urls} = keepUsedFaces(fontsCss, used);
  site.files.set('fonts.css', css);

  for (const [urlPath, content] of site.files) await writeInto(outDir, urlPath, content);
  for (const [urlPath, source] of site.links) await copyInto(outDir, urlPath, source);
  for (const url of urls) {
    const mount = [...site.mounts].find(([prefix]) => url.startsWith(prefix));
    if (mount) await copyInto(outDir, url, path.join(mount[1], url.slice(mount[0].length)));
  }
}

async function writeInto(outDir: string, urlPath: string, content: string | Buffer): Promise<void> {
  const target = path.join(outDir, urlPath);
  await mkdir(path.dirname(target), {recursive: true});
  await writeFile(target, content);
}

async function copyInto(outDir: string, urlPath: string, source: string): Promise<void> {
  const target = path.join(outDir, urlPath);
  await mkdir(path.dirname(target), {recursive: true});
  await copyFile(source, target);
}
