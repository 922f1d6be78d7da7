import {mkdir, rename, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';

/**
 * Write a file so that readers see either the old complete file or the new complete one,
 * never a half-written one: write beside it, then rename.
 */
export async function writeAtomic(target: string, data: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(target), {recursive: true});
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, target);
  } catch (cause) {
    await rm(temporary, {force: true});
    throw cause;
  }
}

/** Remove an earlier output so that a failed build does not leave a stale file that looks current. */
export async function removeStale(target: string): Promise<void> {
  await rm(target, {force: true});
}
