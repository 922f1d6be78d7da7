import {execFileSync} from 'node:child_process';
import {cp, mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type {TestProject} from 'vitest/node';
import {root} from './helpers/sample.js';
import type {TestRun} from './helpers/test-run.js';

/**
 * Once per run, before any test file: compile the `huibian` command (the CLI tests run it as
 * users do), and make the run's folder with a copy of the sample book, handed to the tests
 * (`inject('testRun')`). The sample's shared outputs are built there when a test first asks
 * (tests/helpers/shared-sample.ts); the folder goes when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], {stdio: 'inherit'});
  const dir = await mkdtemp(path.join(os.tmpdir(), 'huibian-test-run-'));
  const sample = path.join(dir, 'sample');
  for (const name of ['book.yaml', 'manuscripts', 'templates']) await cp(path.join(root, name), path.join(sample, name), {recursive: true});
  const run: TestRun = {dir, sample};
  project.provide('testRun', run);
  return () => rm(dir, {recursive: true, force: true});
}
