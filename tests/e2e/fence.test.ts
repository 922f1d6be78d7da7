import {existsSync} from 'node:fs';
import {readdir, readFile} from 'node:fs/promises';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {makeBook, manuscript, smallBook} from '../helpers/book.js';
import {huibian} from '../helpers/cli.js';
import {root} from '../helpers/sample.js';

/**
 * The browser that lays the book out is fenced in: a hostile template and manuscript try to
 * reach a server on another loopback port, the file system and `..` above the site; the
 * server must receive nothing, the build must say what it refused, and no output may carry
 * the manuscript's raw HTML. (A `file://` URL in a page served over HTTP is refused by
 * Chromium itself before any request is made, so there is nothing to report for it.)
 */
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
      `正文。<img src="http://127.0.0.1:${port}/raw.png"><script>fetch('http://127.0.0.1:${port}/script')</script>`,
      `<iframe src="http://127.0.0.1:${port}/frame"></iframe>`,
      `<a href="javascript:alert(1)" onclick="fetch('http://127.0.0.1:${port}/click')">链接</a>`,
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
      // The manuscript's raw HTML is named and left out.
      expect(result.stderr).toMatch(/05-hostile\.md:\d+:\d+: warning: Markdown 中的 HTML 不会排入书中/);
      if (name.endsWith('PDF')) {
        expect(result.stderr).toContain(`已拒绝`);
        expect(result.stderr).toContain(`http://127.0.0.1:${port}/`);
        // `..` above the site stays on the build's own server, which has no such file.
        expect(result.stderr).toContain('/etc/passwd.png');
      }
    });
  }

  it('should leave the raw HTML out of the EPUB and the HTML site', async () => {
    const htmlFolder = path.join(dir, 'build', 'HTML');
    expect(existsSync(htmlFolder)).toBe(true);
    const site = await readFile(path.join(htmlFolder, 'index.html'), 'utf8');
    for (const hostile of ['<script', '<iframe', 'raw.png', 'javascript:', 'onclick']) expect(site).not.toContain(hostile);
    expect((await readdir(path.join(dir, 'build'))).sort()).toEqual(['EPUB', 'HTML', 'horizontal-PDF', 'vertical-PDF']);
  });
});
