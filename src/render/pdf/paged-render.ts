import type {Browser} from 'puppeteer-core';
import type {Book} from '../../book/model.js';
import {EnvironmentError} from '../../report/messages.js';
import {printSite} from '../html/site.js';
import {launchBrowser} from './browser.js';
import {paginateInPage, type Layout} from './in-page.js';
import {serveSite} from './server.js';

/** Callbacks for the slow steps, so the CLI can show progress. */
export interface RenderProgress {
  step?(name: 'paginate' | 'print'): void;
  page?(count: number): void;
}

export interface RenderOptions {
  signal?: AbortSignal;
  progress?: RenderProgress;
}

/** Faces and weights whose slices must be loaded before layout. */
const FAMILIES: Array<[string, number[]]> = [
  ['Huibian Song', [400, 700]],
  ['Huibian Hei', [400, 700]],
  ['Huibian Kai', [400]],
];

/** The PDF as Chromium wrote it, and where things landed. */
export interface RenderedPdf {
  pdf: Uint8Array;
  layout: Layout;
  /** Messages the page logged that the user should see (Paged.js layout warnings). */
  warnings: string[];
}

/**
 * Lay the book out with Paged.js in headless Chromium and print it. The page is served from
 * a loopback server that knows only this book's files, and every other request is refused.
 */
export async function renderPagedPdf(book: Book, options: RenderOptions = {}): Promise<RenderedPdf> {
  const site = await printSite(book, {paged: true});
  const server = await serveSite(site);
  try {
    const session = await launchBrowser(options.signal);
    try {
      return await renderIn(session.browser, server.origin, options);
    } finally {
      await session.close();
    }
  } finally {
    await server.close();
  }
}

async function renderIn(browser: Browser, origin: string, {signal, progress}: RenderOptions): Promise<RenderedPdf> {
  const warnings: string[] = [];
  const page = await browser.newPage();
  page.setDefaultTimeout(0);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().startsWith(`${origin}/`) || request.url().startsWith('data:')) void request.continue();
    else void request.abort('blockedbyclient');
  });
  page.on('console', (message) => {
    if (/Unable to layout|overflow/i.test(message.text())) warnings.push(message.text());
  });
  let pageError: Error | undefined;
  page.on('pageerror', (error) => (pageError ??= error as Error));
  await page.exposeFunction('huibianProgress', (count: number) => progress?.page?.(count));
  await page.goto(`${origin}/index.html`, {waitUntil: 'load'});

  progress?.step?.('paginate');
  const layout = await abortable(page.evaluate(paginateInPage, FAMILIES), signal);
  if (pageError) throw new EnvironmentError(`排版脚本出错：${pageError.message}`, {cause: pageError});

  progress?.step?.('print');
  const pdf = await abortable(
    page.pdf({preferCSSPageSize: true, printBackground: true, tagged: true, outline: false, timeout: 0}),
    signal,
  );
  return {pdf, layout, warnings};
}

function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener('abort', () => reject(signal.reason), {once: true});
    }),
  ]);
}
