import {mkdir, rename, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {stopIfCancelled} from '../report/cancel.js';

/** How an output is written: `signal` cancels it up to the moment it replaces the old one. */
interface WriteOptions {
  signal?: AbortSignal;
}

/**
 * Write a file so that readers see either the old complete file or the new complete one,
 * never a half-written one: write beside it, then rename. A cancel before the rename leaves
 * the old file as it was and nothing beside it.
 */
export async function writeAtomic(target: string, data: Uint8Array | string, {signal}: WriteOptions = {}): Promise<void> {
  await stopIfCancelled(signal);
  await mkdir(path.dirname(target), {recursive: true});
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, data);
    await stopIfCancelled(signal);
    await rename(temporary, target);
  } catch (cause) {
    await rm(temporary, {force: true});
    throw cause;
  }
}

/**
 * Replace a folder the same way: `fill` writes the new one beside it, which then takes the
 * old one's place by renames; if `fill` fails or the build is cancelled before the renames,
 * the old folder stays as it was.
 */
export async function replaceFolder(target: string, fill: (folder: string) => Promise<void>, {signal}: WriteOptions = {}): Promise<void> {
  await stopIfCancelled(signal);
  await mkdir(path.dirname(target), {recursive: true});
  const fresh = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  const old = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.old`);
  await rm(fresh, {recursive: true, force: true});
  try {
    await fill(fresh);
    await stopIfCancelled(signal);
  } catch (cause) {
    await rm(fresh, {recursive: true, force: true});
    throw cause;
  }
  await rm(old, {recursive: true, force: true});
  const hadOld = await rename(target, old).then(
    () => true,
    () => false,
  );
  await rename(fresh, target);
  if (hadOld) await rm(old, {recursive: true, force: true});
}
