import {mkdtemp, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {serveSite} from '../../src/render/shared/site-server.js';

describe('the print page’s server', () => {
  it('should let the browser keep a writer’s own files and the mounted fonts, and nothing generated for the book', async () => {
    const fonts = await mkdtemp(path.join(os.tmpdir(), 'huibian-site-'));
    await writeFile(path.join(fonts, 'a.woff2'), 'font');
    const server = await serveSite({
      files: new Map([
        ['paged.js', 'window.Paged = {};'],
        ['front.html', '<p>目录</p>'],
      ]),
      links: new Map([['assets/photo.png', path.join(fonts, 'a.woff2')]]),
      mounts: new Map([['fonts/song/', fonts]]),
      fixed: new Set(['paged.js']),
    });
    try {
      const caching = async (name: string) => {
        const response = await fetch(`${server.origin}/${name}`);
        await response.arrayBuffer();
        return [response.status, response.headers.get('cache-control')];
      };
      expect(await caching('paged.js')).toEqual([200, 'max-age=3600, immutable']);
      expect(await caching('fonts/song/a.woff2')).toEqual([200, 'max-age=3600, immutable']);
      // Set again during a build (the front matter, laid out twice): asked for anew each time.
      expect(await caching('front.html')).toEqual([200, null]);
      // The book's own pictures may be edited while the preview serves them.
      expect(await caching('assets/photo.png')).toEqual([200, null]);
      expect(await caching('nothing.js')).toEqual([404, null]);
    } finally {
      await server.close();
    }
  });
});
