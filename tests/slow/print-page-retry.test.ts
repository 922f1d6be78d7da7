import {spawnSync} from 'node:child_process';
import {describe, expect, it, vi} from 'vitest';
import {estimatePages, type PrintContext, Tripwire} from '../../src/render/pdf/print-page.js';
import type {Site} from '../../src/render/shared/site.js';

// withPrintPage in a real Chromium: a crash or a layout over its time is tried once more
// with a fresh browser, then reported; no browser process outlives it. The limits are read
// from the environment when the module loads, so each test loads it afresh with its own. The
// deadline's arithmetic is tested on the wire alone, with fake timers.

async function load(env: Record<string, string> = {}) {
  for (const name of ['HUIBIAN_IDLE_TIMEOUT_MS', 'HUIBIAN_TOTAL_TIMEOUT_MS', 'HUIBIAN_PAGE_TIMEOUT_MS']) delete process.env[name];
  Object.assign(process.env, env);
  vi.resetModules();
  return (await import('../../src/render/pdf/print-page.js')).withPrintPage;
}

/** A site of one document of `chars` characters: about chars / 300 pages to expect. */
function site(chars = 100): Site {
  return {files: new Map([['index.html', `<p>${'字'.repeat(chars)}</p>`]]), links: new Map(), mounts: new Map()};
}

/** Run `work` as attempt 1, 2…; returns what came out, the retries reported and how many attempts there were. */
async function run<T>(
  withPrintPage: Awaited<ReturnType<typeof load>>,
  work: (context: PrintContext, attempt: number) => Promise<T>,
  chars?: number,
  signal?: AbortSignal,
) {
  const retries: string[] = [];
  let attempts = 0;
  const result = withPrintPage(site(chars), {signal, progress: {retry: (reason) => retries.push(reason)}}, (context) => work(context, ++attempts));
  const outcome = await result.then(
    (value) => ({value, error: undefined}),
    (error: unknown) => ({value: undefined, error: error as Error}),
  );
  return {...outcome, retries, attempts};
}

/** A call into the page that never returns, left unguarded on purpose: the retry must end it all the same. */
function hang({page}: PrintContext): Promise<unknown> {
  return page.evaluate(() => new Promise(() => undefined));
}

/** This worker's browsers still running: their profile folder carries its pid. */
function browsers(): number {
  const list = spawnSync('ps', ['-eo', 'args'], {encoding: 'utf8'}).stdout;
  return list.split('\n').filter((line) => line.includes(`huibian-chromium-${process.pid}-`)).length;
}

describe('withPrintPage retries once', () => {
  it('should give up an attempt that reports pages but never ends, twice, and say how to allow more time', async () => {
    // 6 s: the page's own setup, within the attempt's time, must fit in it on a busy machine.
    const withPrintPage = await load({HUIBIAN_TOTAL_TIMEOUT_MS: '6000', HUIBIAN_PAGE_TIMEOUT_MS: '1'});
    const {error, retries, attempts} = await run(withPrintPage, ({page, guard}) =>
      guard(
        page.evaluate(
          () =>
            new Promise(() => {
              let pages = 0;
              setInterval(() => (window as unknown as {huibianProgress(n: number): void}).huibianProgress(++pages), 100);
            }),
        ),
      ),
    );
    expect(attempts).toBe(2);
    // The deadline counted the pages laid out (the site promises one).
    expect(retries).toEqual([expect.stringMatching(/^排版 6 秒仍未完成（时限按约 ([2-9]|\d\d+) 页算）/)]);
    expect(error?.message).toMatch(/^排版 6 秒仍未完成.*，已停止：排版试了两次.*HUIBIAN_TOTAL_TIMEOUT_MS/);
    expect(browsers()).toBe(0);
  });

  // On the wire's own clock (fake timers): how fast the machine is cannot change what it decides.
  it('should allow more time for a larger site and for more pages laid out', async () => {
    vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'performance']});
    try {
      /** A wire of 0.5 s plus 2 s a page, for a site of `chars` characters of HTML; its trip, once it has tripped. */
      const wire = (chars: number) => {
        const trip: string[] = [];
        const html: Site = {files: new Map([['index.html', '字'.repeat(chars)]]), links: new Map(), mounts: new Map()};
        const made = new Tripwire({idle: 3_600_000, total: 500, perPage: 2000, estimate: estimatePages(html)}, () => undefined);
        made.tripped.catch((error: Error) => trip.push(error.message));
        return {made, trip};
      };
      // An empty site promises no page: 0.5 s. One of 600 characters promises two: 4.5 s.
      const empty = wire(0);
      const larger = wire(600);
      await vi.advanceTimersByTimeAsync(600);
      expect(empty.trip).toEqual(['排版 1 秒仍未完成（时限按约 0 页算）']);
      await vi.advanceTimersByTimeAsync(3800);
      expect(larger.trip).toEqual([]);
      // Four pages laid out at 4.4 s: 8.5 s in all.
      larger.made.pages(4);
      await vi.advanceTimersByTimeAsync(4000);
      expect(larger.trip).toEqual([]);
      await vi.advanceTimersByTimeAsync(200);
      expect(larger.trip).toEqual(['排版 9 秒仍未完成（时限按约 4 页算）']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('should not retry an error of the work itself, nor a cancelled build', async () => {
    const withPrintPage = await load();
    const failed = await run(withPrintPage, async () => {
      throw new Error('表格太宽');
    });
    expect(failed.error?.message).toBe('表格太宽');
    expect(failed.attempts).toBe(1);

    const controller = new AbortController();
    const cancelled = await run(
      withPrintPage,
      async (context) => {
        setTimeout(() => controller.abort(new Error('已取消')), 200);
        return context.guard(hang(context));
      },
      undefined,
      controller.signal,
    );
    expect(cancelled.error?.message).toBe('已取消');
    expect(cancelled.attempts).toBe(1);
    expect(cancelled.retries).toEqual([]);
    expect(browsers()).toBe(0);
  });
});
