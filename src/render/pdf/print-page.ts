import type {Page} from 'puppeteer-core';
import {EnvironmentError} from '../../report/messages.js';
import type {Site} from '../shared/site.js';
import type {RenderOptions} from './engine.js';
import {FONT_WEIGHTS} from '../shared/fonts.js';
import {launchBrowser} from './browser.js';
import {cutBlockInPage, fitWideTablesInPage, loadFontsInPage, textAreaInPage} from './in-page.js';
import {serveSite} from './server.js';

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
}

/** How long the page may go without progress before the build is given up. */
const IDLE_LIMIT_MS = Number(process.env.HUIBIAN_IDLE_TIMEOUT_MS) || 120_000;

/**
 * Serve `site` on loopback, start a browser, open one page that may load nothing but the
 * site, run `work`, and close everything however it ends. `window.huibianProgress(n)` in the
 * page reports laid-out pages.
 */
export async function withPrintPage<T>(site: Site, options: RenderOptions, work: (context: PrintContext) => Promise<T>): Promise<T> {
  const server = await serveSite(site);
  try {
    const session = await launchBrowser(options.signal);
    const watchdog = new Watchdog(IDLE_LIMIT_MS);
    try {
      const page = await session.browser.newPage();
      page.setDefaultTimeout(0);
      await page.setRequestInterception(true);
      const refused: string[] = [];
      page.on('request', (request) => {
        if (request.url().startsWith(`${server.origin}/`) || request.url().startsWith('data:')) return void request.continue();
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
        const asked = response.url().replace(server.origin, '');
        if (response.status() === 404 && asked !== '/favicon.ico') refused.push(asked);
      });
      const warnings: string[] = [];
      page.on('console', (message) => {
        if (/Unable to layout|overflow/i.test(message.text())) warnings.push(message.text());
      });
      await page.exposeFunction('huibianProgress', (count: number) => {
        watchdog.kick();
        options.progress?.page?.(count);
      });
      watchdog.kick();
      return await work({
        page,
        origin: server.origin,
        guard: (promise) => guarded(promise, watchdog, options.signal),
        kick: () => watchdog.kick(),
        warnings,
        refused,
      });
    } finally {
      watchdog.stop();
      await session.close();
    }
  } finally {
    await server.close();
  }
}

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

/** The build stops rather than clip a table at the page's edge. */
function tooWideError(count: number): EnvironmentError {
  return new EnvironmentError(`有 ${count} 个表格太宽，缩小到 ${Math.round(MIN_TABLE_ZOOM * 100)}% 仍放不进版心，未写出 PDF：请减少列数，或把表格拆成几个`);
}

/** Tables are shrunk to fit the text area down to this zoom; a table that still does not fit stops the build. */
const MIN_TABLE_ZOOM = 0.55;

/**
 * Open one document of the site and prepare it for layout, the same for every engine: its
 * fonts loaded first (a slice arriving later would move lines), the text area measured, wide
 * tables shrunk to fit (a table still too wide stops the build).
 */
export async function openDocument({page, origin, guard}: PrintContext, name: string): Promise<{width: number; height: number}> {
  await guard(page.goto(`${origin}/${name}`, {waitUntil: 'load'}));
  await page.evaluate(`window.huibianCutBlock = ${cutBlockInPage.toString()}`);
  await guard(page.evaluate(loadFontsInPage, FONT_WEIGHTS));
  const area = await page.evaluate(textAreaInPage);
  const wide = await page.evaluate(fitWideTablesInPage, {limit: area.width, minZoom: MIN_TABLE_ZOOM});
  if (wide.tooWide > 0) throw tooWideError(wide.tooWide);
  return area;
}

/** Print the page as it is laid out: the CSS page size, backgrounds, tagged (and with `outline`, Chromium's bookmarks). */
export function printPdf(page: Page, {outline = false, tagged = true}: {outline?: boolean; tagged?: boolean} = {}): Promise<Uint8Array> {
  return page.pdf({preferCSSPageSize: true, printBackground: true, tagged, outline, timeout: 0});
}
