/**
 * Peak memory of a piece of work: the largest PSS (proportional set size: shared pages split
 * between the processes sharing them, so Chromium's many processes add up honestly) summed
 * over this process and all its descendants, sampled from /proc by pss-sampler.ts.
 */
import {type ChildProcess, fork} from 'node:child_process';
import {fileURLToPath} from 'node:url';

/** What the sampler reports when stopped. */
export interface PssReport {
  peakKb: number;
  samples: number;
  /** The most processes seen at once in the tree (a check that Chromium's were found). */
  processes: number;
  /** Processes of the tree whose memory could not be read (left out of the sum). */
  unreadable: number;
}

const SAMPLER = fileURLToPath(new URL('./pss-sampler.js', import.meta.url));
const INTERVAL_MS = 200;

/** Run `work` with the sampler watching; the sampler is running before `work` starts. */
export async function withPeakPss<T>(work: () => Promise<T>): Promise<{value: T; memory: PssReport}> {
  const sampler = fork(SAMPLER, [String(process.pid), String(INTERVAL_MS)], {execArgv: []});
  try {
    await nextMessage(sampler);
    const value = await work();
    const report = nextMessage(sampler);
    sampler.send('stop');
    return {value, memory: (await report) as PssReport};
  } finally {
    if (sampler.exitCode === null) sampler.kill();
  }
}

/** The sampler's next message; an error if it exits first. */
function nextMessage(sampler: ChildProcess): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onExit = () => reject(new Error('the PSS sampler exited'));
    sampler.once('exit', onExit);
    sampler.once('message', (message) => {
      sampler.off('exit', onExit);
      resolve(message);
    });
  });
}
