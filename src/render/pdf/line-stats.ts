import type {LineStats} from './page/lines/stats.js';

/** What two runs of the line pass (a book printed as two documents) found and did together. */
export function addLineStats(a: LineStats, b: LineStats): LineStats {
  const sum = {...a, examples: [...a.examples, ...b.examples].slice(0, 10)};
  for (const key of Object.keys(a) as Array<keyof LineStats>) if (key !== 'examples') sum[key] = a[key] + b[key];
  return sum;
}
