/**
 * Child process of the bench (see pss.ts): samples the PSS of a process and all its
 * descendants (the bench's Node process, Chromium and its renderers) every INTERVAL ms from
 * /proc, and on `stop` reports the peak sum. It runs in a process of its own so that it keeps
 * sampling while the bench's event loop is busy, and leaves itself out of the sum.
 *
 * Usage (from pss.ts): fork pss-sampler.js ROOT_PID INTERVAL_MS
 */
import {readdirSync, readFileSync} from 'node:fs';
import type {PssReport} from './pss.js';

const root = Number(process.argv[2]);
const interval = Number(process.argv[3] ?? 200);

/** Parent pid of every process on the machine, read from /proc/PID/stat. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name, in parentheses, may itself hold spaces and parentheses: the fields
      // after it are state, then the parent's pid.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      map.set(Number(entry), Number(fields[1]));
    } catch {
      // The process ended while the list was read.
    }
  }
  return map;
}

/** `root` and all its descendants but this sampler (and anything it started). */
function tree(): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, parent] of parents()) children.set(parent, [...(children.get(parent) ?? []), pid]);
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    if (pid === process.pid) continue;
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

let peakKb = 0;
let samples = 0;
let processes = 0;
const unreadable = new Set<number>();

/** One sample: the PSS of the tree, summed. A process that cannot be read is noted, not guessed. */
function sample(): void {
  let total = 0;
  const pids = tree();
  processes = Math.max(processes, pids.length);
  for (const pid of pids) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      total += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0);
    } catch (error) {
      // Gone between listing and reading is normal; refused (a non-dumpable sandboxed process) is not.
      if ((error as NodeJS.ErrnoException).code === 'EACCES') unreadable.add(pid);
    }
  }
  samples++;
  peakKb = Math.max(peakKb, total);
}

sample();
const timer = setInterval(sample, interval);
process.send?.('ready');
process.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  sample();
  const report: PssReport = {peakKb, samples, processes, unreadable: unreadable.size};
  process.send?.(report, () => process.exit(0));
});
// The bench died: nothing left to measure.
process.on('disconnect', () => process.exit(0));
