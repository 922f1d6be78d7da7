/**
 * Laid-out pieces of a book kept between builds (`build/.cache/` by default), so that a
 * rebuild after editing one article lays out only that article's chunk. An entry's key is a
 * hash of everything its layout depends on: the piece's HTML, every stylesheet, script and font
 * sheet of the site, the images, the browser's version and huibian's own layout code. A
 * changed input makes a new key, so an entry is never stale; the folder is safe to delete.
 */
import {createHash} from 'node:crypto';
import {mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile} from 'node:fs/promises';
import path from 'node:path';
import type {Site} from '../shared/site.js';

/** Entries not used for this long are removed after a build. */
const KEEP_UNUSED_MS = 14 * 24 * 3600 * 1000;

export interface LayoutCache {
  /** What is stored under `html`'s key (a value that JSON keeps), if anything. */
  get<T>(html: string): Promise<T | undefined>;
  put(html: string, laidOut: unknown): Promise<void>;
  /** What is stored under `html`'s key (`hit`), or what `make` makes, stored. */
  through<T>(html: string, make: () => Promise<T>): Promise<{laidOut: T; hit: boolean}>;
  /** Remove the entries no build has used for two weeks, and old half-written files. */
  prune(): Promise<void>;
}

/**
 * Open the cache in `dir` for the pieces of `site`: every file of the site is an input of
 * each piece but those `skip` names (the pieces themselves, say), and so is each of
 * `inputs` (the layout code, the browser's version…). Without `dir`, nothing is kept.
 */
export async function openLayoutCache(dir: string | undefined, site: Site, skip: (name: string) => boolean, inputs: string[]): Promise<LayoutCache> {
  if (!dir) return withThrough({get: async () => undefined, put: async () => undefined, prune: async () => undefined});
  const hash = createHash('sha256');
  for (const input of inputs) hash.update(input).update('\0');
  for (const [name, content] of [...site.files].sort(([a], [b]) => a.localeCompare(b))) {
    if (!skip(name)) hash.update(name).update(content);
  }
  for (const [url, file] of [...site.links].sort(([a], [b]) => a.localeCompare(b))) hash.update(url).update(await readFile(file));
  for (const [prefix, folder] of [...site.mounts].sort(([a], [b]) => a.localeCompare(b))) hash.update(prefix).update(folder);
  const base = hash.digest();
  const keyOf = (html: string) => createHash('sha256').update(base).update(html).digest('hex').slice(0, 40);
  const file = (html: string) => path.join(dir, `layout-${keyOf(html)}.json`);

  return withThrough({
    async get<T>(html: string) {
      try {
        const stored = JSON.parse(await readFile(file(html), 'utf8')) as T;
        const now = new Date();
        await utimes(file(html), now, now);
        return stored;
      } catch {
        // Missing, cut short by a disk that filled up, or unreadable: lay it out again.
        return undefined;
      }
    },
    async put(html, laidOut) {
      await mkdir(dir, {recursive: true});
      // Written aside and renamed into place: an entry is whole or absent.
      const temporary = `${file(html)}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(laidOut));
      await rename(temporary, file(html));
    },
    async prune() {
      const names = await readdir(dir).catch(() => [] as string[]);
      const now = Date.now();
      for (const name of names.filter((n) => n.startsWith('layout-'))) {
        const file = path.join(dir, name);
        const used = await stat(file).then(
          (s) => s.mtimeMs,
          () => now,
        );
        // Half-written files (.tmp) after an hour; entries two weeks after a build last used them.
        if (now - used > (name.endsWith('.tmp') ? 3600 * 1000 : KEEP_UNUSED_MS)) await rm(file, {force: true});
      }
    },
  });
}

function withThrough(cache: Omit<LayoutCache, 'through'>): LayoutCache {
  return {
    ...cache,
    async through<T>(html: string, make: () => Promise<T>) {
      const stored = await cache.get<T>(html);
      if (stored !== undefined) return {laidOut: stored, hit: true};
      const made = await make();
      await cache.put(html, made);
      return {laidOut: made, hit: false};
    },
  };
}
