import {createHash} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {writeAtomic} from './write-atomic.js';

/** The user's cache folder for huibian: `$XDG_CACHE_HOME/huibian`, else `~/.cache/huibian`. */
function cacheDir(): string {
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'huibian');
}

/**
 * What `compute` returns for `inputs`, kept in the user's cache folder between runs under a
 * hash of the inputs (the versions and the code it depends on). A cache that cannot be read
 * or written is only slower: the text is computed again.
 */
export async function cachedText(name: string, inputs: string[], compute: () => Promise<string>): Promise<string> {
  const hash = createHash('sha256');
  for (const input of inputs) hash.update(input).update('\0');
  const file = path.join(cacheDir(), `${name}-${hash.digest('hex').slice(0, 16)}.txt`);
  try {
    return await readFile(file, 'utf8');
  } catch {
    const text = await compute();
    await writeAtomic(file, text).catch(() => undefined);
    return text;
  }
}
