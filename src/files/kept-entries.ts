import {mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile} from 'node:fs/promises';
import path from 'node:path';

/** Entries not used for this long are removed by {@link KeptEntries.prune}. */
const KEEP_UNUSED_MS = 14 * 24 * 3600 * 1000;

/**
 * Values kept between builds as JSON files `PREFIX-KEY.json` in a cache folder, under keys
 * that hash everything a value depends on: a changed input makes a new key, so an entry is
 * never stale and the folder is safe to delete.
 */
export interface KeptEntries {
  /** What is stored under `key` (a value that JSON keeps), if anything; a use keeps it from being pruned. */
  get<T>(key: string): Promise<T | undefined>;
  /** Keep `value` (as it is now: it is serialized before the call returns) under `key`. */
  put(key: string, value: unknown): Promise<void>;
  /** Remove the entries no build has used for two weeks, and old half-written files. */
  prune(): Promise<void>;
}

/** The entries named `prefix-…` in `dir`; without `dir`, nothing is kept. */
export function keptEntries(dir: string | undefined, prefix: string): KeptEntries {
  if (!dir) return {get: async () => undefined, put: async () => undefined, prune: async () => undefined};
  const file = (key: string) => path.join(dir, `${prefix}-${key}.json`);
  let folder: Promise<unknown> | undefined;
  const made = () => {
    folder ??= mkdir(dir, {recursive: true});
    return folder;
  };
  // The folder's names, read once: a first build asks for hundreds of entries that are not there.
  let listing: Promise<Set<string>> | undefined;
  const listed = async (key: string) => {
    listing ??= readdir(dir).then(
      (names) => new Set(names),
      () => new Set<string>(),
    );
    return (await listing).has(path.basename(file(key)));
  };
  return {
    async get<T>(key: string) {
      if (!(await listed(key))) return undefined;
      try {
        const stored = JSON.parse(await readFile(file(key), 'utf8')) as T;
        const now = new Date();
        await utimes(file(key), now, now);
        return stored;
      } catch {
        // Missing, cut short by a disk that filled up, or unreadable: made again.
        return undefined;
      }
    },
    put(key, value) {
      let text: string;
      try {
        text = JSON.stringify(value);
      } catch (cause) {
        return Promise.reject(cause);
      }
      return (async () => {
        await made();
        // Written aside and renamed into place: an entry is whole or absent.
        const temporary = `${file(key)}.${process.pid}.tmp`;
        await writeFile(temporary, text);
        await rename(temporary, file(key));
        (await listing)?.add(path.basename(file(key)));
      })();
    },
    async prune() {
      const names = await readdir(dir).catch(() => [] as string[]);
      const now = Date.now();
      for (const name of names.filter((n) => n.startsWith(`${prefix}-`))) {
        const entry = path.join(dir, name);
        const used = await stat(entry).then(
          (s) => s.mtimeMs,
          () => now,
        );
        // Half-written files (.tmp) after an hour; entries two weeks after a build last used them.
        if (now - used > (name.endsWith('.tmp') ? 3600 * 1000 : KEEP_UNUSED_MS)) await rm(entry, {force: true});
      }
    },
  };
}
