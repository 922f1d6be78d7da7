/**
 * Compiled manuscripts kept between builds (beside the laid-out chunks, `build/.cache/`), so
 * that a rebuild after editing one article parses and transforms only that manuscript. An
 * entry's key hashes the manuscript's text, its place in the book and the code that compiles
 * it (huibian's own and its packages'); the entry carries the tree, the data the build reads
 * from the file (front matter, notes, images, personal data found) and the messages, said
 * again on every build.
 * Images are checked again at each use: an entry is only taken while each of its images has
 * the size and time it had when it was checked.
 */
import {createHash} from 'node:crypto';
import {stat} from 'node:fs/promises';
import type {Root} from 'hast';
import type {VFile, DataMap} from 'vfile';
import {codeStamp} from '../files/code-stamp.js';
import {keptEntries} from '../files/kept-entries.js';

/** What the build reads of a compiled manuscript's file data. */
const KEPT_DATA = ['matter', 'matterLines', 'footnotes', 'assets', 'personalData'] as const satisfies ReadonlyArray<keyof DataMap>;

interface Entry {
  body: Root;
  data: Partial<Pick<DataMap, (typeof KEPT_DATA)[number]>>;
  messages: Array<{reason: string; place: VFile['messages'][number]['place']; ruleId?: string; source?: string; fatal?: boolean | null}>;
  /** Each image's path, size and modification time when it was checked. */
  images: Array<[string, number, number]>;
}

export interface CompiledManuscripts {
  /** `file` compiled by `compile` (which leaves its messages and data on the file), or the kept result put back on it. */
  through(file: VFile, compile: () => Promise<Root>): Promise<Root>;
  /** Wait until the new entries are written, and remove those no build has used for two weeks. */
  finish(): Promise<void>;
}

/** The compiled manuscripts kept in `dir`; without it, each is compiled every time. */
export async function compiledManuscripts(dir: string | undefined): Promise<CompiledManuscripts> {
  const entries = keptEntries(dir, 'manuscript');
  // Without a stamp of the code (its files unreadable), nothing kept could be trusted.
  const code = dir ? await codeStamp().catch(() => undefined) : undefined;
  if (!code) return {through: (_file, compile) => compile(), finish: entries.prune};
  // Written while the next manuscripts compile; the tree is serialized before it is handed on.
  const writes: Array<Promise<void>> = [];
  const keyOf = (file: VFile) =>
    createHash('sha256')
      .update(code)
      .update(
        JSON.stringify([
          file.cwd,
          file.path,
          file.data.idPrefix,
          file.data.allowMissingImages ?? false,
          file.data.maskPersonal ?? false,
          file.data.publicNumbers ?? [],
        ]),
      )
      .update(String(file.value))
      .digest('hex')
      .slice(0, 40);
  return {
    async through(file, compile) {
      const key = keyOf(file);
      const kept = await entries.get<Entry>(key);
      if (kept && (await imagesUnchanged(kept.images))) {
        Object.assign(file.data, kept.data);
        for (const {reason, place, ruleId, source, fatal} of kept.messages) file.message(reason, {place, ruleId, source}).fatal = fatal;
        return kept.body;
      }
      const body = await compile();
      // A manuscript with an error is compiled again until it is mended; one whose image is
      // missing or broken too (the image may come back under the same name, unlike a changed one).
      if (!file.messages.some((m) => m.fatal || m.ruleId === 'image')) {
        const data = Object.fromEntries(KEPT_DATA.filter((name) => file.data[name] !== undefined).map((name) => [name, file.data[name]]));
        const messages = file.messages.map(({reason, place, ruleId, source, fatal}) => ({reason, place, ruleId, source, fatal}));
        // Not kept (an image gone meanwhile, a full disk): only the next build is slower.
        const images = await imageStamps(file.data.assets ?? []).catch(() => undefined);
        if (images) writes.push(entries.put(key, {body, data, messages, images} satisfies Entry).catch(() => undefined));
      }
      return body;
    },
    async finish() {
      await Promise.all(writes);
      await entries.prune();
    },
  };
}

async function imageStamps(assets: Array<{path: string}>): Promise<Entry['images']> {
  return Promise.all(
    assets.map(async ({path}): Promise<[string, number, number]> => {
      const {size, mtimeMs} = await stat(path);
      return [path, size, mtimeMs];
    }),
  );
}

async function imagesUnchanged(images: Entry['images']): Promise<boolean> {
  const now = await Promise.all(
    images.map(([path]) =>
      stat(path).then(
        ({size, mtimeMs}) => [size, mtimeMs],
        () => undefined,
      ),
    ),
  );
  return images.every(([, size, mtimeMs], i) => now[i]?.[0] === size && now[i]?.[1] === mtimeMs);
}
