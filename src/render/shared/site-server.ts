import {createReadStream} from 'node:fs';
import {stat} from 'node:fs/promises';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {MEDIA_TYPES} from '../../files/media-types.js';
import type {Site} from './site.js';

/** A loopback HTTP server for one build's print page. */
export interface SiteServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serve the print document over loopback HTTP: Paged.js hangs when it re-fetches stylesheets
 * over file://, and a server that only knows the book's files fences the browser in.
 */
export async function serveSite(site: Site): Promise<SiteServer> {
  const server = http.createServer((request, response) => {
    void respond(site, request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What the browser may keep for the build: a page opened for each chunk of a book takes it from the browser's cache. */
const IMMUTABLE = {'cache-control': 'max-age=3600, immutable'};

/** Answer one request from a site's files (404 for anything else): for the print page, and for the preview. */
export async function respond(site: Site, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  const urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
  const type = MEDIA_TYPES[path.extname(urlPath).toLowerCase()] ?? 'application/octet-stream';
  const generated = site.files.get(urlPath);
  if (generated !== undefined) {
    response.writeHead(200, {'content-type': type, ...(site.fixed?.has(urlPath) ? IMMUTABLE : {})});
    response.end(generated);
    return;
  }
  const linked = site.links.get(urlPath);
  const file = linked ?? fromMount(site.mounts, urlPath);
  if (file && (await stat(file).catch(() => undefined))?.isFile()) {
    // Mounted folders hold installed fonts, which do not change while a build runs.
    response.writeHead(200, {'content-type': type, ...(linked ? {} : IMMUTABLE)});
    createReadStream(file).pipe(response);
    return;
  }
  response.writeHead(404).end();
}

function fromMount(mounts: Map<string, string>, urlPath: string): string | undefined {
  for (const [prefix, dir] of mounts) {
    if (!urlPath.startsWith(prefix)) continue;
    const target = path.resolve(dir, urlPath.slice(prefix.length));
    // Never serve outside the mounted folder (`..` in a URL).
    if (target.startsWith(dir + path.sep)) return target;
  }
  return undefined;
}
