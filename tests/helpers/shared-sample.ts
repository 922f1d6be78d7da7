import {existsSync} from 'node:fs';
import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {inject} from 'vitest';
import {buildBook} from '../../src/outputs/build-book.js';
import type {} from './test-run.js';

/** The outputs of the sample that several test files read, and how each is built. */
const OUTPUTS = {
  pdf: {file: 'sample.pdf', format: 'pdf', writingMode: 'horizontal'},
  'vertical-pdf': {file: 'sample-vertical.pdf', format: 'pdf', writingMode: 'vertical'},
  epub: {file: 'sample.epub', format: 'epub', writingMode: 'horizontal'},
  'vertical-epub': {file: 'sample-vertical.epub', format: 'epub', writingMode: 'vertical'},
} as const;

type SharedOutput = keyof typeof OUTPUTS;

/**
 * The folder of this run's copy of the sample: builds of it share the run's layout cache (its
 * `build/.cache`), so a test that builds the sample with other options lays out only what differs.
 */
export function sampleDir(): string {
  return inject('testRun').sample;
}

/** `name` in this run's own temporary folder (a layout cache of a test's own, say). */
export function runFolder(name: string): string {
  return path.join(inject('testRun').dir, name);
}

const asked = new Map<SharedOutput, Promise<string>>();

/**
 * The path of the sample's `output`, built once per run, by the first test file to ask: the
 * others wait for it (a file of the run's folder says who builds it, and one says if it failed).
 * Read it, never write it.
 */
export function sharedSample(output: SharedOutput): Promise<string> {
  if (!asked.has(output)) asked.set(output, obtain(output));
  return asked.get(output)!;
}

async function obtain(output: SharedOutput): Promise<string> {
  const {file, format, writingMode} = OUTPUTS[output];
  const out = runFolder(file);
  const claim = `${out}.building`;
  try {
    await writeFile(claim, String(process.pid), {flag: 'wx'});
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return built(out, claim);
  }
  try {
    await buildBook({bookDir: sampleDir(), format, out, writingMode});
    return out;
  } catch (error) {
    await writeFile(`${out}.failed`, error instanceof Error ? (error.stack ?? error.message) : String(error));
    throw error;
  }
}

/** Wait for another test process to build `out` (written whole, by a rename): its path, or why there is none. */
async function built(out: string, claim: string): Promise<string> {
  for (;;) {
    if (existsSync(out)) return out;
    if (existsSync(`${out}.failed`)) throw new Error(`${path.basename(out)} of the sample failed to build:\n${await readFile(`${out}.failed`, 'utf8')}`);
    const builder = Number(await readFile(claim, 'utf8'));
    if (builder > 0 && !alive(builder)) throw new Error(`the test process that was building ${path.basename(out)} of the sample (${builder}) ended without it`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
