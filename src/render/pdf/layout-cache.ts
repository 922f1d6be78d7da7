/**
 * Laid-out pieces of a book kept between builds (`build/.cache/` by default), so that a
 * rebuild after editing one article lays out only that article's chunk. An entry's key is a
 * hash of everything its print depends on: the piece's HTML, every stylesheet, script and font
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
  /** The PDF and facts stored under `html`'s key, if there are any. */
  get<T>(html: string): Promise<{pdf: Uint8Array; facts: T} | undefined>;
  put(html: string, pdf: Uint8Array, facts: unknown): Promise<void>;
  /** What is stored under `html`'s key (`hit`), or what `make` makes, stored. */
  through<T>(html: string, make: () => Promise<{pdf: Uint8Array; facts: T}>): Promise<{pdf: Uint8Array; facts: T; hit: boolean}>;
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
  const file = (html: string, ext: string) => path.join(dir, `layout-${keyOf(html)}.${ext}`);

  return withThrough({
    async get<T>(html: string) {
      try {
        const [pdf, facts] = await Promise.all([readFile(file(html, 'pdf')), readFile(file(html, 'json'), 'utf8')]);
        const now = new Date();
        await Promise.all([utimes(file(html, 'json'), now, now), utimes(file(html, 'pdf'), now, now)]);
        return {pdf: new Uint8Array(pdf), facts: JSON.parse(facts) as T};
      } catch {
        // Missing, half-written by a build that was killed, or unreadable: lay it out again.
        return undefined;
      }
    },
    async put(html, pdf, facts) {
      await mkdir(dir, {recursive: true});
      // The PDF first and the facts last, each renamed into place: an entry is whole or absent.
      for (const [ext, content] of [
        ['pdf', pdf],
        ['json', JSON.stringify(facts)],
      ] as const) {
        const temporary = `${file(html, ext)}.${process.pid}.tmp`;
        await writeFile(temporary, content);
        await rename(temporary, file(html, ext));
      }
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
    async through<T>(html: string, make: () => Promise<{pdf: Uint8Array; facts: T}>) {
      const stored = await cache.get<T>(html);
      if (stored) return {...stored, hit: true};
      const made = await make();
      await cache.put(html, made.pdf, made.facts);
      return {...made, hit: false};
    },
  };
}
