import {mkdtemp, readdir, readFile, rm, utimes, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {openLayoutCache} from '../../src/render/pdf/layout-cache.js';
import type {Site} from '../../src/render/shared/site.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, {recursive: true, force: true});
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'huibian-cache-'));
  dirs.push(dir);
  return dir;
}

async function siteWith(image: string, css = 'p { color: black }'): Promise<Site> {
  return {
    files: new Map([
      ['print.css', css],
      ['chunk-1.html', '<p>甲</p>'],
    ]),
    links: new Map([['assets/a.png', image]]),
    mounts: new Map(),
  };
}

const isPiece = (name: string) => name.endsWith('.html');
const inputs = (code = 'code', browser = 'Chromium/1') => [code, browser];
const laidOut = {pages: ['<div class="pagedjs_page">甲</div>'], pageCount: 1};

describe('layout cache', () => {
  it('should give back what was put under the same HTML and inputs, and nothing for other HTML', async () => {
    const dir = await tempDir();
    const image = path.join(dir, 'a.png');
    await writeFile(image, 'image-1');
    const cache = await openLayoutCache(path.join(dir, 'cache'), await siteWith(image), isPiece, inputs());
    expect(await cache.get('<p>甲</p>')).toBeUndefined();
    await cache.put('<p>甲</p>', laidOut);
    expect(await cache.get('<p>甲</p>')).toEqual(laidOut);
    expect(await cache.get('<p>乙</p>')).toBeUndefined();
  });

  it('should miss when any input changes: a stylesheet, an image’s content, the layout code, the browser', async () => {
    const dir = await tempDir();
    const image = path.join(dir, 'a.png');
    await writeFile(image, 'image-1');
    const cacheDir = path.join(dir, 'cache');
    await (await openLayoutCache(cacheDir, await siteWith(image), isPiece, inputs())).put('<p>甲</p>', laidOut);
    const hit = async (site: Site, code = 'code', browser = 'Chromium/1') =>
      (await (await openLayoutCache(cacheDir, site, isPiece, inputs(code, browser))).get('<p>甲</p>')) !== undefined;
    expect(await hit(await siteWith(image))).toBe(true);
    // Another chunk's HTML is not an input of this one.
    const other = await siteWith(image);
    other.files.set('chunk-2.html', '<p>丙</p>');
    expect(await hit(other)).toBe(true);
    expect(await hit(await siteWith(image, 'p { color: red }'))).toBe(false);
    expect(await hit(await siteWith(image), 'other code')).toBe(false);
    expect(await hit(await siteWith(image), 'code', 'Chromium/2')).toBe(false);
    await writeFile(image, 'image-2');
    expect(await hit(await siteWith(image))).toBe(false);
  });

  it('should take a cut-short entry for a miss, and prune entries unused for weeks', async () => {
    const dir = await tempDir();
    const image = path.join(dir, 'a.png');
    await writeFile(image, 'image-1');
    const cacheDir = path.join(dir, 'cache');
    const cache = await openLayoutCache(cacheDir, await siteWith(image), isPiece, inputs());
    await cache.put('<p>甲</p>', laidOut);
    // 甲's entry cut short, as by a disk that filled up; 乙's whole.
    const [entry] = await readdir(cacheDir);
    await cache.put('<p>乙</p>', laidOut);
    const written = await readFile(path.join(cacheDir, entry!), 'utf8');
    await writeFile(path.join(cacheDir, entry!), written.slice(0, written.length / 2));
    expect(await cache.get('<p>甲</p>')).toBeUndefined();
    expect(await cache.get('<p>乙</p>')).toEqual(laidOut);
    // A build killed while writing leaves only a .tmp file, which is no entry.
    await writeFile(path.join(cacheDir, `${entry}.999.tmp`), written);
    const old = new Date(Date.now() - 30 * 24 * 3600 * 1000);
    for (const name of await readdir(cacheDir)) await utimes(path.join(cacheDir, name), old, old);
    await cache.prune();
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('should keep nothing without a folder', async () => {
    const cache = await openLayoutCache(undefined, {files: new Map(), links: new Map(), mounts: new Map()}, isPiece, inputs());
    await cache.put('<p>甲</p>', laidOut);
    expect(await cache.get('<p>甲</p>')).toBeUndefined();
  });
});
