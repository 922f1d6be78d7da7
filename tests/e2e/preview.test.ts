import {type ChildProcess, spawn} from 'node:child_process';
import {readFile, writeFile} from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import type {Page} from 'puppeteer-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {launchBrowser} from '../../src/render/pdf/browser.js';
import {makeBook, smallBook} from '../helpers/book.js';
import {huibian} from '../helpers/cli.js';
import {pdfInfo} from '../helpers/pdf-tools.js';
import {root} from '../helpers/sample.js';
import {until} from '../helpers/waiting.js';

/** Wait until `read()` says yes; fails after `ms`, saying what did not happen. */
async function waitFor(read: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  if (!(await until(read, ms))) throw new Error(`${what}：${ms} ms 内没有发生`);
}

const get = (url: string) =>
  new Promise<string>((resolve, reject) => {
    http
      .get(url, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        response.on('end', () => resolve(body));
      })
      .on('error', reject);
  });

// `huibian preview` (issue 12): the book served on loopback as it will print, rebuilt within
// about 2 s of a save, open pages told to reload; a manuscript error shown in the page; Ctrl-C
// ends it with nothing left behind.
describe('huibian preview', () => {
  let dir: string;
  let child: ChildProcess;
  let stderr = '';
  let url = '';
  const reloads: number[] = [];
  let session: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const laidOut = () => page.waitForFunction(() => (window as unknown as {huibianLaidOut?: boolean}).huibianLaidOut, {timeout: 60_000});

  beforeAll(async () => {
    dir = await makeBook(smallBook());
    child = spawn(process.execPath, [path.join(root, 'dist', 'cli', 'main.js'), 'preview', dir, '--port', '0'], {stdio: ['ignore', 'ignore', 'pipe']});
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    await waitFor(() => /预览：(http:\/\/127\.0\.0\.1:\d+\/)/.test(stderr), 30_000, '预览启动');
    url = /预览：(http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr)![1]!;
    // An open page's live connection: count the rebuilds it is told of (the first message is
    // the build the server has now, 0; each later one a rebuild).
    http.get(`${url}__huibian/events`, (response) =>
      response.on('data', (chunk: Buffer) => {
        for (const [, build] of chunk.toString().matchAll(/data: (\d+)/g)) if (Number(build) > 0) reloads.push(performance.now());
      }),
    );
  });

  afterAll(async () => {
    await session?.close();
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('should show the horizontal book paged in a browser, its TOC numbered, as the PDF is', async () => {
    const pdf = path.join(dir, 'build', 'book.pdf');
    expect((await huibian(['build', dir, '--out', pdf])).code).toBe(0);
    session = await launchBrowser();
    page = await session.browser.newPage();
    await page.goto(url);
    await laidOut();
    const {pages, folios, errors} = await page.evaluate(() => ({
      pages: document.querySelectorAll('.pagedjs_page').length,
      folios: [...document.querySelectorAll('.toc-page')].map((cell) => cell.textContent),
      errors: document.querySelectorAll('.huibian-preview-error').length,
    }));
    expect(errors).toBe(0);
    // The same pages as the PDF of the same book, and the TOC's numbers ascending.
    expect(pages).toBe(Number((await pdfInfo(pdf))['Pages']));
    const numbers = folios.map(Number);
    expect(numbers.every((n) => n > 0)).toBe(true);
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
  });

  it('should rebuild within about 2 s of saving a manuscript, and show the new text in the open page by itself', async () => {
    const file = path.join(dir, 'manuscripts', '02-b.md');
    const before = reloads.length;
    const saved = performance.now();
    await writeFile(file, (await readFile(file, 'utf8')).replace('热闹非凡', '热闹非凡，卖春笋的最多'));
    await waitFor(() => reloads.length > before, 10_000, '页面收到更新');
    expect(reloads.at(-1)! - saved).toBeLessThan(2000);
    // Asked from here, again and again: the page reloads under any wait installed in it. The
    // line pass may glue characters with invisible joiners: the text is read without them.
    const shows = () =>
      page
        .evaluate(
          () =>
            Boolean((window as unknown as {huibianLaidOut?: boolean}).huibianLaidOut) &&
            document.body.textContent!.replace(/[\u2060\u200b\u00ad]/g, '').includes('卖春笋的最多'),
        )
        .catch(() => false);
    await waitFor(shows, 30_000, '页面显示新的文字');
  });

  it('should show a manuscript error in the open page, at its line and column, and go on serving', async () => {
    const file = path.join(dir, 'manuscripts', '02-b.md');
    const good = await readFile(file, 'utf8');
    const errors = () => page.evaluate(() => document.querySelector('.huibian-errors')?.textContent ?? '').catch(() => '');
    await writeFile(file, good.replace('title: 春天的集市', 'title: [春天'));
    await waitFor(async () => (await errors()) !== '', 30_000, '页面显示错误');
    expect(await errors()).toMatch(/02-b\.md:\d+:\d+: error: 文首 YAML 语法错误/);
    await writeFile(file, good);
    const laidOutAgain = () => page.evaluate(() => Boolean((window as unknown as {huibianLaidOut?: boolean}).huibianLaidOut)).catch(() => false);
    await waitFor(laidOutAgain, 30_000, '页面重新分页');
  });

  it('should end on Ctrl-C, closing its port', async () => {
    child.kill('SIGINT');
    await waitFor(() => child.exitCode !== null, 10_000, '预览结束');
    expect(child.exitCode).toBe(0);
    expect(stderr).toContain('预览已结束');
    await expect(get(url)).rejects.toThrow();
  });
});
