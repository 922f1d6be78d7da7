/**
 * `npm run bench`: how long huibian takes to build a large book, against Chromium's own
 * print of the same HTML (no Paged.js: the floor) in the same process, runs interleaved.
 * Usage: npm run bench [-- COPIES [ROUNDS]] — the sample's articles are repeated COPIES times.
 */
import {cp, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {compileBook} from '../src/book/compile.js';
import {buildBook} from '../src/build.js';
import {loadConfig} from '../src/config/load.js';
import {huibianRoot} from '../src/files/package-dir.js';
import {printDocument} from '../src/render/shared/print-document.js';
import {pagedEngine} from '../src/render/pdf/paged/engine.js';
import {documentLinks, siteFiles} from '../src/render/shared/site.js';
import {launchBrowser} from '../src/render/pdf/browser.js';
import {serveSite} from '../src/render/shared/site-server.js';

const copies = Number(process.argv[2] ?? 6);
const rounds = Number(process.argv[3] ?? 3);
const sample = huibianRoot();

/** A book folder holding the sample's manuscripts `copies` times, titles numbered. */
async function largeBook(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'huibian-bench-'));
  await cp(path.join(sample, 'book.yaml'), path.join(dir, 'book.yaml'));
  await cp(path.join(sample, 'manuscripts', 'images'), path.join(dir, 'manuscripts', 'images'), {recursive: true});
  const names = (await readdir(path.join(sample, 'manuscripts'))).filter((n) => n.endsWith('.md'));
  for (let copy = 1; copy <= copies; copy++) {
    for (const name of names) {
      const text = await readFile(path.join(sample, 'manuscripts', name), 'utf8');
      await writeFile(path.join(dir, 'manuscripts', `${copy}-${name}`), text.replace(/^title: (.+)$/m, `title: $1（${copy}）`));
    }
  }
  return dir;
}

/** Chromium printing the same document without Paged.js: no running heads or TOC numbers, the lower bound. */
async function nativePrint(dir: string): Promise<{seconds: number; pages: number}> {
  const started = performance.now();
  const {book} = await compileBook(await loadConfig(dir));
  // The horizontal book's HTML and page CSS, without Paged.js.
  const site = await siteFiles(book, pagedEngine.document);
  site.files.set('index.html', printDocument(book, {...(await documentLinks(book, pagedEngine.document)), scripts: []}));
  const server = await serveSite(site);
  const session = await launchBrowser();
  try {
    const page = await session.browser.newPage();
    await page.goto(`${server.origin}/index.html`, {waitUntil: 'load'});
    await page.evaluate(() => document.fonts.ready);
    const pdf = await page.pdf({preferCSSPageSize: true, printBackground: true, timeout: 0});
    const pages = (
      Buffer.from(pdf)
        .toString('latin1')
        .match(/\/Type\s*\/Page[^s]/g) ?? []
    ).length;
    return {seconds: (performance.now() - started) / 1000, pages};
  } finally {
    await session.close();
    await server.close();
  }
}

async function huibianBuild(dir: string, writingMode: 'horizontal' | 'vertical'): Promise<{seconds: number; pages: number}> {
  const started = performance.now();
  const result = await buildBook({bookDir: dir, format: 'pdf', out: path.join(dir, 'build', `${writingMode}.pdf`), writingMode});
  return {seconds: (performance.now() - started) / 1000, pages: result.pageCount ?? 0};
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const dir = await largeBook();
const native: number[] = [];
const horizontal: number[] = [];
const vertical: number[] = [];
let pages = {native: 0, horizontal: 0, vertical: 0};
for (let round = 1; round <= rounds; round++) {
  const a = await nativePrint(dir);
  const b = await huibianBuild(dir, 'horizontal');
  const c = await huibianBuild(dir, 'vertical');
  native.push(a.seconds);
  horizontal.push(b.seconds);
  vertical.push(c.seconds);
  pages = {native: a.pages, horizontal: b.pages, vertical: c.pages};
  process.stdout.write(`round ${round}: native ${a.seconds.toFixed(1)} s, horizontal ${b.seconds.toFixed(1)} s, vertical ${c.seconds.toFixed(1)} s\n`);
}
await rm(dir, {recursive: true, force: true});
const floor = median(native);
process.stdout.write(
  `${copies * 17} articles; medians of ${rounds}: Chromium native print ${floor.toFixed(1)} s (${pages.native} pages); ` +
    `huibian horizontal ${median(horizontal).toFixed(1)} s (${pages.horizontal} pages, ${(median(horizontal) / floor).toFixed(2)}×); ` +
    `vertical ${median(vertical).toFixed(1)} s (${pages.vertical} pages, ${(median(vertical) / floor).toFixed(2)}×)\n`,
);
