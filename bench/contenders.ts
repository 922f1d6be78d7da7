/**
 * What the bench times, each from the book folder to an output file: Chromium's own print of
 * huibian's HTML (the floor), plain Paged.js on the same HTML (what pagedjs-cli does), and
 * huibian's builds. Every one compiles the manuscripts first, so all rows include the same
 * work before layout.
 */
import {execFile} from 'node:child_process';
import {writeFile} from 'node:fs/promises';
import {promisify} from 'node:util';
import type {Page} from 'puppeteer-core';
import {loadBook} from '../src/core/load-book.js';
import {buildBook} from '../src/outputs/build-book.js';
import type {BuildOptions, StepName} from '../src/core/options.js';
import {launchBrowser} from '../src/render/pdf/browser.js';
import {engineFor} from '../src/render/pdf/engines.js';
import {pagedEngine} from '../src/render/pdf/paged/engine.js';
import {installPageCode} from '../src/render/pdf/page-code.js';
import {loadDocument, printPdf} from '../src/render/pdf/print-page.js';
import {printSite, type Site} from '../src/render/shared/site.js';
import {serveSite} from '../src/render/shared/site-server.js';
import {huibianProcess} from '../tests/helpers/cli.js';

const run = promisify(execFile);

type WritingMode = 'horizontal' | 'vertical';

/** What a timed run made: the page count of a PDF (none for an EPUB), and a huibian build's seconds per step. */
export interface Made {
  pages?: number;
  steps?: Partial<Record<StepName, number>>;
}

/**
 * The floor: Chromium printing the whole book as the writing mode's engine links it (its page
 * CSS included), with its own pagination and none of huibian's passes — no Paged.js, no line
 * pass, no TOC numbers, running heads or notes moved onto their pages.
 */
export async function chromiumPrint(bookDir: string, writingMode: WritingMode, out: string): Promise<Made> {
  const {book} = await loadBook({bookDir, writingMode});
  // The horizontal kind links Paged.js, which would paginate on load: left out here.
  const site = await printSite(book, {...engineFor(book).document, scripts: []});
  await printInBrowser(site, out, async () => undefined);
  return {};
}

/**
 * Plain Paged.js as pagedjs-cli runs it: huibian's horizontal document loaded as it is, then
 * `new Paged.Previewer().preview()` and Chromium's print at the CSS page size — without
 * huibian's line pass, paragraph chunks, text checks or TOC numbers.
 */
export async function plainPagedJs(bookDir: string, out: string): Promise<Made> {
  const {book} = await loadBook({bookDir, writingMode: 'horizontal'});
  const site = await printSite(book, pagedEngine.document);
  await printInBrowser(site, out, async (page) => {
    await page.evaluate(async () => {
      const paged = (window as unknown as {Paged: {Previewer: new () => {preview(): Promise<unknown>}}}).Paged;
      await new paged.Previewer().preview();
    });
  });
  return {};
}

/**
 * Serve `site`, open its index.html in a fresh browser, load its fonts as huibian does (so
 * that every row prints with the same faces), run `layout` on the page, print it to `out`.
 */
async function printInBrowser(site: Site, out: string, layout: (page: Page) => Promise<void>): Promise<void> {
  const server = await serveSite(site);
  const session = await launchBrowser();
  try {
    const page = await session.browser.newPage();
    page.setDefaultTimeout(0);
    await installPageCode(page);
    await loadDocument({page, origin: server.origin, guard: (work) => work}, 'index.html');
    await layout(page);
    await writeFile(out, await printPdf(page));
  } finally {
    await session.close();
    await server.close();
  }
}

/**
 * A huibian build of the book folder (options as `huibian build` takes them), with the time
 * of each of its steps (as the command line reports them) to show where a build's time goes.
 */
export async function huibianBuild(options: BuildOptions): Promise<Made> {
  const steps: Partial<Record<StepName, number>> = {};
  let current: {name: StepName; since: number} | undefined;
  const end = () => {
    if (current) steps[current.name] = (steps[current.name] ?? 0) + (performance.now() - current.since) / 1000;
  };
  const progress = {
    step(name: StepName) {
      end();
      current = {name, since: performance.now()};
    },
    detail() {},
  };
  const result = await buildBook(options, {progress});
  end();
  return {pages: result.pageCount, steps};
}

/** `huibian ARGS` as a user runs it: the installed command (dist/, compiled by `npm run bench`) in a process of its own. */
export async function huibianCommand(args: string[]): Promise<Made> {
  const {code, stderr} = await huibianProcess(args);
  if (code !== 0) throw new Error(`huibian ${args[0]} ended with ${code}: ${stderr.trim().split('\n').at(-1)}`);
  return {};
}

/** Pages of a PDF file, from `pdfinfo` (fast on large files, and outside the timed run). */
export async function pdfPages(file: string): Promise<number> {
  const {stdout} = await run('pdfinfo', [file]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? Number.NaN);
}

/** The text of a PDF with its layout (`pdftotext -layout`), for comparing two builds. */
export async function layoutText(file: string): Promise<string> {
  const {stdout} = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {maxBuffer: 512 << 20});
  return stdout;
}
