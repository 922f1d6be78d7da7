import type {Page} from 'puppeteer-core';
import {EnvironmentError} from '../../report/messages.js';
import type {Site} from '../shared/site.js';
import type {RenderOptions} from './engine.js';
import {FONT_WEIGHTS} from '../shared/fonts.js';
import {type BrowserSession, launchBrowser} from './browser.js';
import {inPage, installPageCode} from './page-code.js';
import type {TextArea} from './page/text-area.js';
import {serveSite} from '../shared/site-server.js';

/** What a renderer gets to work with: a fenced page and guards against hangs and Ctrl-C. */
export interface PrintContext {
  page: Page;
  /** Origin of the loopback server; documents are at `${origin}/NAME`. */
  origin: string;
  /** `work`, unless nothing moved for too long or the user cancelled first. */
  guard<T>(work: Promise<T>): Promise<T>;
  /** Something moved: reset the idle timer. */
  kick(): void;
  /** Layout warnings the page logged. */
  warnings: string[];
  /** What the page asked for and did not get: anything outside the site (refused), or not in it. */
  refused: string[];
  /** The browser's name and version (laid-out pages are cached per browser). */
  browserVersion: string;
  /** `count` pages are laid out in all: progress (with an estimate of what is left), and a later deadline. */
  laidOut(count: number, estimate?: {pages: number; seconds: number}): void;
  /**
   * Another page in the same browser, fenced like `page`, to lay out a piece of the book at
   * the same time; its `window.huibianProgress(n)` calls `onPages(n)` instead of {@link laidOut}.
   */
  openPage(onPages: (count: number) => void): Promise<Page>;
}

/** How long the page may go without progress before the attempt is given up. */
const IDLE_LIMIT_MS = Number(process.env.HUIBIAN_IDLE_TIMEOUT_MS) || 120_000;
/**
 * How long one attempt may take in all: this much, plus PAGE_LIMIT_MS per page. Generous (a
 * 900-page book lays out in about a minute): it stops a layout that moves but never ends.
 */
const TOTAL_BASE_MS = Number(process.env.HUIBIAN_TOTAL_TIMEOUT_MS) || 180_000;
const PAGE_LIMIT_MS = Number(process.env.HUIBIAN_PAGE_TIMEOUT_MS) || 500;
/** Characters of print HTML per page, set low (a page of prose is 500–700 with its markup) so the estimate errs long. */
const HTML_CHARS_PER_PAGE = 300;

/** What one attempt ran into that a fresh browser may well not: a crash, or (`late`) a layout over its time. */
class RetryableError extends EnvironmentError {
  constructor(
    message: string,
    readonly late = false,
  ) {
    super(message);
  }
}

/**
 * Serve `site` on loopback, start a browser, open one page that may load nothing but the
 * site, run `work`, and close everything however it ends. `window.huibianProgress(n)` in the
 * page reports laid-out pages. A crashed browser or a layout over its time is tried once more
 * from scratch with a fresh browser (`work` must be safe to run again), then reported.
 */
export async function withPrintPage<T>(site: Site, options: RenderOptions, work: (context: PrintContext) => Promise<T>): Promise<T> {
  const server = await serveSite(site);
  try {
    const estimate = estimatePages(site);
    let first: RetryableError | undefined;
    let ready = options.browser;
    for (;;) {
      // The browser started ahead serves the first attempt; a retry gets a fresh one.
      const session = ready ?? launchBrowser(options.signal);
      ready = undefined;
      try {
        return await attempt(await session, server.origin, estimate, options, work);
      } catch (error) {
        if (options.signal?.aborted) throw options.signal.reason;
        if (!(error instanceof RetryableError)) throw error;
        if (first) throw twiceError(first, error);
        first = error;
        options.progress?.retry?.(error.message);
      }
    }
  } finally {
    await server.close();
  }
}

/** One run of `work` in a browser of its own, closed (profile and every process) however it ends. */
async function attempt<T>(
  session: BrowserSession,
  origin: string,
  estimate: number,
  options: RenderOptions,
  work: (context: PrintContext) => Promise<T>,
): Promise<T> {
  // A tripped wire kills the browser at once: that ends every pending call into the page,
  // the unguarded ones too, which a crashed or frozen renderer would otherwise leave hanging.
  const wire = new Tripwire({idle: IDLE_LIMIT_MS, total: TOTAL_BASE_MS, perPage: PAGE_LIMIT_MS, estimate}, () => void session.close({kill: true}));
  try {
    session.browser.on('disconnected', () => {
      if (!options.signal?.aborted) wire.trip(new RetryableError('浏览器意外退出'));
    });
    const refused: string[] = [];
    const warnings: string[] = [];
    const laidOut = (count: number, estimate?: {pages: number; seconds: number}) => {
      wire.pages(count);
      options.progress?.page?.(count, estimate);
    };
    let opened = 0;
    const openPage = async (onPages: (count: number) => void) => {
      // Pages of one context share a renderer, and so one thread: each further page gets a
      // context of its own, to lay out at the same time as the others.
      const page = opened++ === 0 ? await session.browser.newPage() : await (await session.browser.createBrowserContext()).newPage();
      await fencePage(page, origin, {
        refused,
        warnings,
        onPages,
        crashed: () => wire.trip(new RetryableError('浏览器的页面进程崩溃了（常因内存不足，或被别的程序结束）')),
      });
      await installPageCode(page);
      return page;
    };
    const page = await openPage((count) => laidOut(count));
    return await work({
      page,
      origin,
      guard: (promise) => guarded(promise, wire, options.signal),
      kick: () => wire.kick(),
      warnings,
      refused,
      laidOut,
      openPage,
      browserVersion: await session.browser.version(),
    });
  } catch (error) {
    if (!wire.reason && isBrowserFailure(error) && !options.signal?.aborted) {
      // A renderer that dies mid-navigation fails the call before the crash is told: wait for
      // the news a moment, and failing that, take the browser's error as the crash it is.
      await Promise.race([wire.tripped.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1000))]);
      if (!wire.reason) throw new RetryableError(`浏览器出错（${(error as Error).message.split('\n')[0]}）`);
    }
    // Once the wire has tripped, what the work saw (“Target closed”, a protocol error) is only its echo.
    throw wire.reason ?? error;
  } finally {
    wire.stop();
    await session.close();
  }
}

/**
 * Fence a new page in: it may load the site and `data:` URLs only (anything else is answered
 * empty and reported in `refused`), its layout warnings go to `warnings`, its
 * `window.huibianProgress(n)` to `onPages`, its crash to `crashed`.
 */
async function fencePage(
  page: Page,
  origin: string,
  {refused, warnings, onPages, crashed}: {refused: string[]; warnings: string[]; onPages(count: number): void; crashed(): void},
): Promise<void> {
  page.on('error', crashed);
  page.setDefaultTimeout(0);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().startsWith(`${origin}/`) || request.url().startsWith('data:')) return void request.continue();
    refused.push(request.url());
    // Answered empty rather than failed, from here: nothing leaves the machine, and Paged.js
    // (which re-fetches every stylesheet, @imports included) goes on without it.
    void request.respond({
      status: 200,
      headers: {'access-control-allow-origin': '*'},
      contentType: request.resourceType() === 'stylesheet' ? 'text/css' : 'text/plain',
      body: '',
    });
  });
  page.on('response', (response) => {
    // Chromium asks every site for its icon by itself.
    const asked = response.url().replace(origin, '');
    if (response.status() === 404 && asked !== '/favicon.ico') refused.push(asked);
  });
  page.on('console', (message) => {
    if (/Unable to layout|overflow/i.test(message.text())) warnings.push(message.text());
  });
  await page.exposeFunction('huibianProgress', onPages);
}

/** An error of the browser or of the connection to it (not of the book, nor of huibian's own code). */
function isBrowserFailure(error: unknown): boolean {
  if (!(error instanceof Error) || error instanceof EnvironmentError) return false;
  return (
    ['ProtocolError', 'TargetCloseError'].includes(error.name) ||
    /net::ERR_|Target closed|Session closed|Execution context was destroyed|Navigating frame was detached/.test(error.message)
  );
}

/** The page count to expect before layout: from the size of the site's HTML documents. */
export function estimatePages(site: Site): number {
  let chars = 0;
  for (const [name, content] of site.files) {
    // A Buffer counts bytes: about three per Han character.
    if (name.endsWith('.html')) chars += typeof content === 'string' ? content.length : content.length / 3;
  }
  return Math.ceil(chars / HTML_CHARS_PER_PAGE);
}

/** The second failure in a row: the build stops, saying that it tried twice and what to do. */
function twiceError(first: RetryableError, second: RetryableError): EnvironmentError {
  const before = first.message === second.message ? '' : `（第一次：${first.message}）`;
  const slow = first.late || second.late ? '；机器太忙或太慢时，可设置 HUIBIAN_IDLE_TIMEOUT_MS、HUIBIAN_TOTAL_TIMEOUT_MS（毫秒）放宽时限' : '';
  return new EnvironmentError(
    `${second.message}，已停止：排版试了两次（第二次用新的浏览器从头排）都没有完成${before}，未写出 PDF：` +
      `请关闭占用内存或 CPU 的程序后再试${slow}；若总是如此，请把此书报告给 huibian 的维护者`,
    {cause: second},
  );
}

/**
 * Fails an attempt, once, for what a fresh browser may mend: nothing moved for `idle` ms,
 * the whole took longer than `total` plus `perPage` for each page (the larger of the estimate
 * and the pages laid out so far), or the browser crashed (told by {@link trip}).
 */
export class Tripwire {
  readonly tripped: Promise<never>;
  reason?: RetryableError;
  private idleTimer?: NodeJS.Timeout;
  private totalTimer?: NodeJS.Timeout;
  private readonly started = performance.now();
  private laidOut = 0;
  private stopped = false;
  private fail!: (error: Error) => void;

  constructor(
    private readonly limits: {idle: number; total: number; perPage: number; estimate: number},
    private readonly onTrip: () => void,
  ) {
    this.tripped = new Promise<never>((_, reject) => (this.fail = reject));
    this.tripped.catch(() => undefined);
    this.kick();
    this.armTotal();
  }

  /** Something moved: the idle time starts again. */
  kick(): void {
    if (this.stopped) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.trip(new RetryableError(`排版 ${seconds(this.limits.idle)} 秒没有进展`, true)), this.limits.idle);
  }

  /** `count` pages are laid out: progress, and maybe a later deadline. */
  pages(count: number): void {
    this.kick();
    if (count > this.laidOut) {
      this.laidOut = count;
      this.armTotal();
    }
  }

  trip(error: RetryableError): void {
    if (this.stopped || this.reason) return;
    this.reason = error;
    this.stop();
    this.fail(error);
    this.onTrip();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.idleTimer);
    clearTimeout(this.totalTimer);
  }

  private armTotal(): void {
    const pages = Math.max(this.limits.estimate, this.laidOut);
    const limit = this.limits.total + this.limits.perPage * pages;
    clearTimeout(this.totalTimer);
    this.totalTimer = setTimeout(
      () => this.trip(new RetryableError(`排版 ${seconds(limit)} 秒仍未完成（时限按约 ${pages} 页算）`, true)),
      Math.max(0, this.started + limit - performance.now()),
    );
  }
}

function seconds(ms: number): number {
  return Math.round(ms / 1000);
}

function guarded<T>(work: Promise<T>, wire: Tripwire, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return Promise.race([work, wire.tripped]);
  // The listener goes when the work ends: a book in many chunks guards hundreds of calls.
  let stop = () => {};
  const aborted = new Promise<never>((_, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, {once: true});
    stop = () => signal.removeEventListener('abort', abort);
  });
  return Promise.race([work, wire.tripped, aborted]).finally(stop);
}

/** The build stops rather than clip a table at the page's edge. */
function tooWideError(count: number): EnvironmentError {
  return new EnvironmentError(`有 ${count} 个表格太宽，缩小到 ${Math.round(MIN_TABLE_ZOOM * 100)}% 仍放不进版心，未写出 PDF：请减少列数，或把表格拆成几个`);
}

/** Tables are shrunk to fit the text area down to this zoom; a table that still does not fit stops the build. */
export const MIN_TABLE_ZOOM = 0.55;

/** Open one document of the site, its fonts loaded: a slice arriving later would move lines. */
export async function loadDocument({page, origin, guard}: Pick<PrintContext, 'page' | 'origin' | 'guard'>, name: string): Promise<void> {
  await guard(page.goto(`${origin}/${name}`, {waitUntil: 'load'}));
  await guard(inPage(page, 'loadFonts', FONT_WEIGHTS));
}

/**
 * Open one document of the site and prepare it for layout, the same for every engine: its
 * fonts loaded first ({@link loadDocument}), the text area measured, wide tables shrunk to
 * fit (a table still too wide stops the build).
 */
export async function openDocument(context: PrintContext, name: string): Promise<TextArea> {
  await loadDocument(context, name);
  const area = await inPage(context.page, 'textArea');
  const wide = await inPage(context.page, 'fitWideTables', {limit: area.width, minZoom: MIN_TABLE_ZOOM});
  if (wide.tooWide > 0) throw tooWideError(wide.tooWide);
  return area;
}

/** Print the page as it is laid out: the CSS page size, backgrounds, tagged (and with `outline`, Chromium's bookmarks). */
export function printPdf(page: Page, {outline = false, tagged = true}: {outline?: boolean; tagged?: boolean} = {}): Promise<Uint8Array> {
  return page.pdf({preferCSSPageSize: true, printBackground: true, tagged, outline, timeout: 0});
}
