import {existsSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {expect} from 'vitest';
import {root} from './sample.js';

/**
 * Whether this run takes the current output as the new references (`npm run test:update`,
 * which sets UPDATE=1): a normal run never writes one, and fails on a missing one.
 */
export const updating = Boolean(process.env.UPDATE);

/** The reference file's content; a missing one fails the test, saying how to make it. */
export function readReference(file: string): Buffer {
  if (!existsSync(file)) {
    throw new Error(
      `the reference ${path.relative(root, file)} is missing: run \`npm run test:update\` to take the current output as the reference, look at it, and commit it`,
    );
  }
  return readFileSync(file);
}

/**
 * Expect `actual` to be the reference text in `file` (`undefined`: no such file). With
 * {@link updating}, make the file hold `actual` instead (or remove it).
 */
export function expectReference(file: string, actual: string | undefined): void {
  const name = path.relative(root, file);
  if (updating) {
    if (actual === undefined) rmSync(file, {force: true});
    else writeFileSync(file, actual);
    return;
  }
  if (actual === undefined) {
    expect(existsSync(file), `${name} is no longer produced: run \`npm run test:update\` to remove it`).toBe(false);
    return;
  }
  expect(readReference(file).toString('utf8'), name).toBe(actual);
}
