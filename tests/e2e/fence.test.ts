import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {readdir, readFile} from 'node:fs/promises';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {makeBook, manuscript, smallBook} from '../helpers/book.js';
import {withPrintPage} from '../../src/render/pdf/print-page.js';
import {huibian} from '../helpers/cli.js';
import {root} from '../helpers/sample.js';

/**
 * The browser that lays the book out is fenced in: a hostile template and manuscript try to
 * reach a server on another loopback port, the file system and `..` above the site; the
 * server must receive nothing, the build must say what it took out, and no output may carry
 * the manuscript's raw HTML or the template's references. (A `file://` URL in a page served over HTTP is refused by
 * Chromium itself before any request is made, so there is nothing to report for it.)
 */
const run = promisify(execFile);

describe('the fenced browser', () => {
  const connections: string[] = [];
  let server: http.Server;
  let port: number;
  let dir: string;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      connections.push(request.url ?? '');
      response.end('x');
    });
    server.on('connection', () => connections.push('(connection)'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    const template = await readFile(path.join(root, 'templates', 'print.css'), 'utf8');
    const hostileCss = [
      `@import url("http://127.0.0.1:${port}/import.css");`,
      template,
      `html { background-image: url("file:///etc/passwd"); }`,
      `.article-title::before { content: url("../../../../etc/passwd.png"); }`,
      `.toc-heading::after { content: url("http://127.0.0.1:${port}/after.png"); }`,
    ].join('\n');
    const hostileHtml = [
      `正文。<script>fetch('http://127.0.0.1:${port}/script')</script>`,
      `<iframe src="http://127.0.0.1:${port}/frame"></iframe>`,
      `<a href="javascript:alert(1)" onclick="fetch('http://127.0.0.1:${port}/click')">链接</a>`,
      `<style>@import url("http://127.0.0.1:${port}/style.css");</style><link rel="stylesheet" href="http://127.0.0.1:${port}/link.css">`,
      `<meta http-equiv="refresh" content="0;url=http://127.0.0.1:${port}/meta"><base href="http://127.0.0.1:${port}/">`,
      `<object data="http://127.0.0.1:${port}/object"></object><embed src="http://127.0.0.1:${port}/embed">`,
    ].join('\n\n');
    dir = await makeBook(smallBook({'templates/print.css': hostileCss, 'manuscripts/05-hostile.md': manuscript({title: '来稿', part: '生活'}, hostileHtml)}));
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  for (const [name, args] of [
    ['horizontal PDF', ['--format', 'pdf']],
    ['vertical PDF', ['--format', 'pdf', '--writing-mode', 'vertical']],
    ['EPUB', ['--format', 'epub']],
    ['HTML', ['--format', 'html']],
  ] as const) {
    it(`should build the ${name} without one request reaching another port`, async () => {
      const out = path.join(dir, 'build', `${name.replace(' ', '-')}`);
      const result = await huibian(['build', dir, ...args, '--out', out]);
      expect(result.code, result.stderr).toBe(0);
      expect(connections).toEqual([]);
      // The manuscript's raw HTML is named, where it stands, and left out.
      for (const tag of ['script', 'iframe', 'style', 'link', 'meta', 'base', 'object', 'embed']) {
        expect(result.stderr).toMatch(new RegExp(`05-hostile\\.md:\\d+:\\d+: warning: 稿件中的 HTML <${tag}> 已删除`));
      }
      expect(result.stderr).toContain('链接 `javascript:alert(1)` 已删除');
      // The template's references are named where they stand and taken out of every output.
      expect(result.stderr).toMatch(/templates\/print\.css:1:1: warning: 模板中的 `@import url\("http:\/\/127\.0\.0\.1:\d+\/import\.css"\);` 已删除/);
      expect(result.stderr.match(/templates\/print\.css:\d+:\d+: warning: 模板中的 `url\(.*\)` 已改为 none/g)).toHaveLength(3);
    });
  }

  it('should leave the raw HTML out of the EPUB and the HTML site', async () => {
    expect((await readdir(path.join(dir, 'build'))).sort()).toEqual(['.cache', 'EPUB', 'HTML', 'horizontal-PDF', 'vertical-PDF']);
    const site = await readFile(path.join(dir, 'build', 'HTML', 'index.html'), 'utf8');
    const epub = path.join(dir, 'epub-files');
    await run('unzip', ['-q', path.join(dir, 'build', 'EPUB'), '-d', epub]);
    const chapters = await Promise.all(
      (await readdir(path.join(epub, 'OEBPS'))).filter((f) => f.endsWith('.xhtml')).map((f) => readFile(path.join(epub, 'OEBPS', f), 'utf8')),
    );
    for (const output of [site, ...chapters]) {
      for (const hostile of ['<script', '<iframe', '<object', '<embed', '<meta http-equiv', '<base', 'javascript:', 'onclick', `127.0.0.1:${port}`]) {
        expect(output).not.toContain(hostile);
      }
    }
    const stylesheets = [
      ...(await readdir(path.join(dir, 'build', 'HTML'))).filter((f) => f.endsWith('.css')).map((f) => path.join(dir, 'build', 'HTML', f)),
      ...(await readdir(path.join(epub, 'OEBPS'), {recursive: true})).filter((f) => f.endsWith('.css')).map((f) => path.join(epub, 'OEBPS', f)),
    ];
    expect(stylesheets.length).toBeGreaterThan(2);
    for (const file of stylesheets) {
      const css = await readFile(file, 'utf8');
      for (const hostile of ['@import', 'file:', 'passwd', `127.0.0.1:${port}`]) expect(css, file).not.toContain(hostile);
    }
    expect(site).toContain('链接');
  });

  it('should answer the print page nothing from another port, another host or above the site, and report each', async () => {
    const html = [
      '<!doctype html><html><head>',
      `<link rel="stylesheet" href="http://127.0.0.1:${port}/sheet.css">`,
      '<link rel="stylesheet" href="http://example.invalid/remote.css">',
      '</head><body>',
      `<img src="http://127.0.0.1:${port}/img.png"><img src="/../../etc/hostname.png"><img src="file:///etc/passwd">`,
      `<script>fetch('http://127.0.0.1:${port}/fetch').catch(() => {})</script>`,
      '</body></html>',
    ].join('');
    const site = {files: new Map([['index.html', html]]), links: new Map<string, string>(), mounts: new Map<string, string>()};
    const refused = await withPrintPage(site, {}, async ({page, origin, refused}) => {
      await page.goto(`${origin}/index.html`, {waitUntil: 'networkidle0'});
      return refused;
    });
    expect(connections).toEqual([]);
    expect(refused).toEqual(
      expect.arrayContaining([
        `http://127.0.0.1:${port}/sheet.css`,
        'http://example.invalid/remote.css',
        `http://127.0.0.1:${port}/img.png`,
        `http://127.0.0.1:${port}/fetch`,
        '/etc/hostname.png',
      ]),
    );
  });

  it('should refuse images that point off the machine, into the file system or above the book, before any browser starts', async () => {
    const images = [
      `![远程](http://127.0.0.1:${port}/remote.png)`,
      '![系统文件](file:///etc/passwd)',
      '![上层](../../../etc/hostname.png)',
      `<img src="http://127.0.0.1:${port}/raw.png">`,
    ].join('\n\n');
    const book = await makeBook(smallBook({'manuscripts/05-images.md': manuscript({title: '图', part: '生活'}, images)}));
    const result = await huibian(['build', book]);
    expect(result.code).toBe(1);
    expect(result.stderr.match(/05-images\.md:\d+:\d+: error: /g)).toHaveLength(4);
    expect(existsSync(path.join(book, 'build', 'book.pdf'))).toBe(false);
    expect(connections).toEqual([]);
  });
});
