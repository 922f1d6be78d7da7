import {type FSWatcher, watch} from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {loadBook} from '../core/load-book.js';
import type {Book} from '../model/book.js';
import type {Layout} from '../render/pdf/engine.js';
import {engineFor} from '../render/pdf/engines.js';
import {FOLIOS_PATH, tocFolios} from '../render/pdf/paged/preview.js';
import {printSite, type Site} from '../render/shared/site.js';
import {respond} from '../render/shared/site-server.js';
import {formatMessages, InputError} from '../report/messages.js';

const EVENTS_PATH = '/__huibian/events';

/**
 * The screen around the pages: each page a sheet on a grey desk, as a print preview shows it.
 * (Only the preview links it; Paged.js drops rules under `@media screen`.)
 */
const DESK_CSS = `html { background: #7a7a7a; }
.pagedjs_page { background: #fff; margin: 12px auto; box-shadow: 0 1px 6px #444; }
html.mode-vertical { background: #fff; }
`;

/**
 * What every preview page runs besides the book: a live connection that reloads the page when
 * the book changed, keeping the place read (restored once the pages are laid out again). The
 * server sends the number of the book's current build on every (re)connection and after every
 * rebuild, so a page that missed a message while its connection was down still catches up.
 */
function liveScript(build: number): string {
  return `(() => {
  const key = 'huibian-preview-scroll';
  const restore = () => window.scrollTo(0, Number(sessionStorage.getItem(key) || 0));
  window.addEventListener(document.querySelector('script[src="huibian-preview.js"]') ? 'huibian-laid-out' : 'load', restore);
  new EventSource(${JSON.stringify(EVENTS_PATH)}).onmessage = (event) => {
    if (Number(event.data) === ${build}) return;
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  };
})();
`;
}

export interface PreviewOptions {
  bookDir: string;
  port: number;
  writingMode?: 'horizontal' | 'vertical';
  /** Told after each rebuild: how long it took, or what stopped it. */
  onBuild?(report: {seconds: number; error?: string}): void;
}

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serve the book on 127.0.0.1 as it will print, and rebuild it whenever a file of the book
 * folder changes (not build/): horizontal books paged by Paged.js in the reader's browser with
 * the PDF engine's own steps, vertical books as Chromium sets their columns (unpaged: only
 * the PDF is cut into pages). Open pages reload by themselves. A book that does not compile
 * shows its messages (file:line:col) instead, and the server goes on.
 */
export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  let current = await buildSite(options, 0);
  // The last book that compiled: its folio style numbers the TOC.
  let book = current.book;
  const listeners = new Set<http.ServerResponse>();

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    if (url.pathname === EVENTS_PATH) {
      response.writeHead(200, {'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive'});
      response.write(`data: ${current.build}\n\n`);
      listeners.add(response);
      request.on('close', () => listeners.delete(response));
      return;
    }
    if (url.pathname === FOLIOS_PATH && request.method === 'POST') {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        const layout = JSON.parse(body) as Layout;
        response.writeHead(200, {'content-type': 'application/json'}).end(JSON.stringify(book ? tocFolios(layout, book.meta.folio) : []));
      });
      return;
    }
    if (url.pathname === '/') request.url = '/index.html';
    void respond(current.site, request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const rebuild = () => {
    running = running.then(async () => {
      current = await buildSite(options, current.build + 1);
      book = current.book ?? book;
      for (const listener of listeners) listener.write(`data: ${current.build}\n\n`);
    });
  };
  const watcher: FSWatcher = watch(options.bookDir, {recursive: true}, (_event, name) => {
    // The outputs and hidden files (editors' swap files, .git) are not the book.
    if (!name || /^(build|node_modules)([/\\]|$)|(^|[/\\])\./.test(name)) return;
    clearTimeout(timer);
    timer = setTimeout(rebuild, 120);
  });

  const {port} = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      watcher.close();
      clearTimeout(timer);
      await running;
      for (const listener of listeners) listener.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The preview site of the book as it is now, or a page of its errors. */
async function buildSite(options: PreviewOptions, build: number): Promise<{site: Site; build: number; book?: Book}> {
  const started = performance.now();
  try {
    const {book} = await loadBook({bookDir: options.bookDir, writingMode: options.writingMode});
    const engine = engineFor(book);
    const site = await printSite(book, {
      ...engine.document,
      scripts: [...engine.document.scripts, ...(engine.preview ? ['huibian-preview.js'] : []), 'huibian-live.js'],
      stylesheets: [...engine.document.stylesheets, 'huibian-desk.css'],
      files: async () => new Map([...((await engine.document.files?.()) ?? []), ['huibian-desk.css', DESK_CSS]]),
    });
    // Not the document kind's own files, which the browser may keep: the live script names its build.
    site.files.set('huibian-live.js', liveScript(build));
    if (engine.preview) site.files.set('huibian-preview.js', engine.preview());
    options.onBuild?.({seconds: (performance.now() - started) / 1000});
    return {site, build, book};
  } catch (error) {
    const text = error instanceof InputError ? `${formatMessages(error.files)}\n${error.message}` : error instanceof Error ? error.message : String(error);
    options.onBuild?.({seconds: (performance.now() - started) / 1000, error: text});
    const files = new Map([
      ['index.html', errorPage(text, options.bookDir)],
      ['huibian-live.js', liveScript(build)],
    ]);
    return {site: {files, links: new Map(), mounts: new Map()}, build};
  }
}

function errorPage(text: string, bookDir: string): string {
  const escaped = text.replace(/[&<>]/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;'})[c]!);
  return `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>稿件有错 — ${path.basename(bookDir)}</title>
<style>body{font:15px/1.6 sans-serif;margin:2em;color:#222}pre{white-space:pre-wrap;background:#fff4f4;border-left:4px solid #c00;padding:1em}</style>
</head><body><h1>这本书现在生成不了</h1><p>改正下面的问题并保存，页面会自动更新。</p><pre class="huibian-errors">${escaped}</pre>
<script src="huibian-live.js"></script></body></html>`;
}
