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
  const watchdog = new Watchdog(IDLE_LIMIT_MS);
  try {
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
    await page.exposeFunction('huibianProgress', (count: number) => {
      watchdog.kick();
      progress?.page?.(count);
    });
    await page.goto(`${origin}/index.html`, {waitUntil: 'load'});

    progress?.step?.('paginate');
    watchdog.kick();
    const layout = await guarded(page.evaluate(paginateInPage, FAMILIES), watchdog, signal).catch((cause: unknown) => {
      if (cause instanceof EnvironmentError || signal?.aborted) throw cause;
      // Paged.js stops on CSS it cannot parse: most often an edit to templates/print.css.
      throw new EnvironmentError(`分页失败：${(cause as Error).message.split('\n')[0]}（若改过 templates/print.css，请检查最近的改动）`, {cause});
    });

    progress?.step?.('print');
    watchdog.kick();
    const pdf = await guarded(
      page.pdf({preferCSSPageSize: true, printBackground: true, tagged: true, outline: false, timeout: 0}),
      watchdog,
      signal,
    );
    return {pdf, layout, warnings};
  } finally {
    watchdog.stop();
  }
}

/** How long the page may go without laying out a page before the build is given up. */
const IDLE_LIMIT_MS = Number(process.env.HUIBIAN_IDLE_TIMEOUT_MS) || 120_000;

/** Fails when nothing has moved for `limit` ms, so a stuck layout ends the build instead of hanging it. */
class Watchdog {
  readonly failed: Promise<never>;
  private timer?: NodeJS.Timeout;
  private fail!: (error: Error) => void;

  constructor(private readonly limit: number) {
    this.failed = new Promise<never>((_, reject) => (this.fail = reject));
    this.failed.catch(() => undefined);
  }

  kick(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => this.fail(new EnvironmentError(`排版 ${Math.round(this.limit / 1000)} 秒没有进展，已停止：请把此书报告给 huibian 的维护者`)),
      this.limit,
    );
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

/** `work`, unless the watchdog fires or the user cancels first. */
function guarded<T>(work: Promise<T>, watchdog: Watchdog, signal: AbortSignal | undefined): Promise<T> {
  const racers: Array<Promise<T>> = [work, watchdog.failed];
  if (signal) {
    racers.push(
      new Promise<never>((_, reject) => {
        if (signal.aborted) reject(signal.reason);
        signal.addEventListener('abort', () => reject(signal.reason), {once: true});
      }),
    );
  }
  return Promise.race(racers);
}
