/**
 * Laid-out pieces of a book kept between builds (`build/.cache/` by default), so that a
 * rebuild after editing one article lays out only that article's chunk. An entry's key is a
 * hash of everything its layout depends on: the piece's HTML, every stylesheet, script and font
 * sheet of the site, the images, the browser's version and huibian's own layout code. A
 * changed input makes a new key, so an entry is never stale; the folder is safe to delete.
 */
import {createHash} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import {type KeptEntries, keptEntries} from '../../files/kept-entries.js';
import type {Site} from '../shared/site.js';

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
  const entries = keptEntries(dir, 'layout');
  if (!dir) return withThrough(entries, (html) => html);
  const hash = createHash('sha256');
  for (const input of inputs) hash.update(input).update('\0');
  for (const [name, content] of [...site.files].sort(([a], [b]) => a.localeCompare(b))) {
    if (!skip(name)) hash.update(name).update(content);
  }
  for (const [url, file] of [...site.links].sort(([a], [b]) => a.localeCompare(b))) hash.update(url).update(await readFile(file));
  for (const [prefix, folder] of [...site.mounts].sort(([a], [b]) => a.localeCompare(b))) hash.update(prefix).update(folder);
  const base = hash.digest();
  return withThrough(entries, (html) => createHash('sha256').update(base).update(html).digest('hex').slice(0, 40));
}

function withThrough(entries: KeptEntries, keyOf: (html: string) => string): LayoutCache {
  const cache = {
    get: <T>(html: string) => entries.get<T>(keyOf(html)),
    put: (html: string, laidOut: unknown) => entries.put(keyOf(html), laidOut),
    prune: () => entries.prune(),
  };
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
