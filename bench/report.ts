/**
 * The bench's results: each row's medians over the rounds, the ratios issue 13 sets goals
 * for, printed as a table and written as JSON.
 */
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';

/** One timed run of one row. */
export interface Sample {
  seconds: number;
  peakPssMb: number;
  /** The most processes summed in one sample. */
  processes: number;
  /** Processes whose memory could not be read (their PSS is missing from the peak). */
  unreadable: number;
  pages?: number;
  /** A huibian build's seconds per step (parse, compile, paginate, print, write). */
  steps?: Record<string, number>;
}

/** A row of the table: what was run, every sample, and the medians. */
export interface Row {
  key: string;
  label: string;
  samples: Sample[];
  failures: string[];
  pages?: number;
  seconds?: number;
  pagesPerSecond?: number;
  peakPssMb?: number;
  /** Median seconds per step, for huibian's builds. */
  steps?: Record<string, number>;
}

/** A ratio of two rows' median times, with the goal it must stay under if there is one. */
export interface Ratio {
  label: string;
  value?: number;
  goal?: number;
}

/** The middle value (the upper of the two middle ones for an even count). */
export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/** Fill in a row's medians from its samples. Pages are the last run's (a book lays out the same every time). */
export function summarize(row: Row): Row {
  const seconds = median(row.samples.map((s) => s.seconds));
  const pages = row.samples.at(-1)?.pages;
  return {
    ...row,
    pages,
    seconds,
    pagesPerSecond: pages !== undefined && seconds ? pages / seconds : undefined,
    peakPssMb: median(row.samples.map((s) => s.peakPssMb)),
    steps: medianSteps(row.samples),
  };
}

/** Each step's median over the samples that timed it. */
function medianSteps(samples: Sample[]): Record<string, number> | undefined {
  const names = [...new Set(samples.flatMap((s) => Object.keys(s.steps ?? {})))];
  if (names.length === 0) return undefined;
  return Object.fromEntries(names.map((name) => [name, median(samples.flatMap((s) => s.steps?.[name] ?? []))!]));
}

/** `a`'s median time over `b`'s. */
export function ratio(label: string, a: Row | undefined, b: Row | undefined, goal?: number): Ratio {
  const value = a?.seconds !== undefined && b?.seconds ? a.seconds / b.seconds : undefined;
  return {label, value, goal};
}

/** The table of rows, then the ratios with their goals, as text for the terminal. */
export function formatReport(title: string, rows: Row[], ratios: Ratio[], notes: string[]): string {
  const width = Math.max(...rows.map((r) => r.label.length));
  const head = `${'row'.padEnd(width)}  ${'pages'.padStart(6)}  ${'seconds'.padStart(8)}  ${'pages/s'.padStart(8)}  ${'peak PSS MB'.padStart(11)}`;
  const lines = [title, '', head, '-'.repeat(head.length)];
  for (const row of rows) {
    if (row.samples.length === 0) {
      lines.push(`${row.label.padEnd(width)}  failed: ${row.failures[0] ?? 'no run'}`);
      continue;
    }
    const failed = row.failures.length > 0 ? `  (${row.failures.length} run(s) failed: ${row.failures[0]})` : '';
    lines.push(
      `${row.label.padEnd(width)}  ${fixed(row.pages, 0, 6)}  ${fixed(row.seconds, 1, 8)}  ${fixed(row.pagesPerSecond, 1, 8)}  ${fixed(row.peakPssMb, 0, 11)}${failed}`,
    );
  }
  const timed = rows.filter((row) => row.steps);
  if (timed.length > 0) {
    lines.push('', 'where the time goes (median seconds per step: parse, compile, paginate, print, write)');
    for (const row of timed) {
      const steps = Object.entries(row.steps!).map(([name, seconds]) => `${name} ${seconds.toFixed(1)}`);
      lines.push(`${row.label.padEnd(width)}  ${steps.join(' · ')}`);
    }
  }
  lines.push('');
  const ratioWidth = Math.max(...ratios.map((r) => r.label.length));
  for (const r of ratios) lines.push(`${r.label.padEnd(ratioWidth)}  ${fixed(r.value, 2, 5)}${verdict(r)}`);
  if (notes.length > 0) lines.push('', ...notes);
  return `${lines.join('\n')}\n`;
}

function fixed(value: number | undefined, digits: number, width: number): string {
  return (value === undefined ? '-' : value.toFixed(digits)).padStart(width);
}

function verdict({value, goal}: Ratio): string {
  if (goal === undefined) return '';
  if (value === undefined) return `  (goal ≤ ${goal}: not measured)`;
  return `  (goal ≤ ${goal}: ${value <= goal ? 'met' : 'NOT met'})`;
}

/** Write the results as JSON (the folder made if need be). */
export async function writeResults(file: string, results: object): Promise<void> {
  await mkdir(path.dirname(file), {recursive: true});
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
}
