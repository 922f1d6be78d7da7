/**
 * `npm run bench`: issue 13's goals measured on a synthetic yearly report, all in one
 * process, the rows' runs interleaved round by round (a machine that slows down mid-bench
 * slows every row alike), medians over the rounds. Rows: Chromium's own print of huibian's
 * HTML in both writing modes (the floors), plain Paged.js on the horizontal HTML, huibian
 * horizontal with one job and with the default, vertical, EPUB. Each run is timed from the
 * book folder to the output file, with the peak PSS of this process and all its descendants.
 *
 * Usage: npm run bench -- [--book report|prose] [--articles N] [--rounds R] [--linear] [--incremental]
 *
 *   --book B        report: the synthetic yearly report (the sample's 17 articles repeated, titles
 *                   numbered); prose: articles of twelve paragraphs of real technical prose from
 *                   the Debian manuals installed on the machine (tests/helpers/corpus.ts)
 *   --articles N    articles in the book (default 300)
 *   --rounds R      rounds (default 3)
 *   --linear        also a book of half the articles: time(full) / time(half), horizontal and vertical
 *   --incremental   after the horizontal build, edit one article and rebuild with the same cache;
 *                   the rebuilt PDF is compared with a clean build of the edited book
 *
 * Results also go to build/bench/results.json.
 */
import {copyFile, mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import type {BuildOptions} from '../src/core/options.js';
import {huibianRoot} from '../src/files/package-dir.js';
import {chromiumPrint, huibianBuild, huibianCommand, layoutText, type Made, pdfPages, plainPagedJs} from './contenders.js';
import {withPeakPss} from './pss.js';
import {formatReport, type Ratio, ratio, type Row, type Sample, summarize, writeResults} from './report.js';
import {makeProseBook} from '../tests/helpers/corpus.js';
import {makeYearlyBook, middleArticle, withAddedParagraph} from '../tests/helpers/yearly-book.js';

// Builds stamp the PDF with this date instead of the clock, so that a rebuild and a clean
// build of the same book can be compared byte for byte.
process.env.SOURCE_DATE_EPOCH ??= String(Date.UTC(2026, 0, 1) / 1000);

/** One row of the table: how to make its output into `out`. */
interface Contender {
  key: string;
  label: string;
  format: 'pdf' | 'epub';
  run(out: string): Promise<Made>;
  /** Its cache is emptied first: every full build starts cold. */
  cold: boolean;
}

/** The command line. */
interface Options {
  book: 'report' | 'prose';
  articles: number;
  rounds: number;
  linear: boolean;
  incremental: boolean;
}

function parseOptions(): Options {
  const {values} = parseArgs({
    options: {
      book: {type: 'string', default: 'report'},
      articles: {type: 'string', default: '300'},
      rounds: {type: 'string', default: '3'},
      linear: {type: 'boolean', default: false},
      incremental: {type: 'boolean', default: false},
    },
  });
  const count = (name: 'articles' | 'rounds') => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} wants a whole number ≥ 1, not ${values[name]}`);
    return value;
  };
  if (values.book !== 'report' && values.book !== 'prose') throw new Error(`--book wants report or prose, not ${values.book}`);
  return {book: values.book, articles: count('articles'), rounds: count('rounds'), linear: values.linear, incremental: values.incremental};
}

/** The bench's folders, all under one temporary folder removed at the end. */
interface Folders {
  root: string;
  book: string;
  half: string;
  /** The chunk cache of every huibian build (`cacheDir`), emptied before each full build. */
  cache: string;
  out: string;
}

const cores = os.availableParallelism();
/** huibian's default (src/render/pdf/paged/engine.ts): one job fewer than the cores. */
const jobs = Math.max(1, cores - 1);
/** Where the results go: results.json, and the incremental check's two PDFs. */
const RESULTS_DIR = path.join(huibianRoot(), 'build', 'bench');

/** What the bench times, in the order of the first round, each step's rows run back to back. */
function steps(options: Options, folders: Folders, edited: string | undefined): Contender[][] {
  const {book, half, cache} = folders;
  const pdf =
    (bookDir: string, writingMode: 'horizontal' | 'vertical', extra: Partial<BuildOptions> = {}) =>
    (out: string) =>
      huibianBuild({bookDir, format: 'pdf', out, writingMode, cacheDir: cache, ...extra});
  const horizontal: Contender[] = [
    // No `jobs`: the default is what users get (one fewer than the cores).
    {key: 'horizontal', label: `huibian horizontal, jobs=${jobs} (default)`, format: 'pdf', cold: true, run: pdf(book, 'horizontal')},
  ];
  if (edited) {
    // Right after the full build, whose cache it reuses.
    horizontal.push({
      key: 'rebuild',
      label: 'huibian horizontal, rebuild after 1 edit',
      format: 'pdf',
      cold: false,
      run: (out) => rebuild(book, edited, out, cache),
    });
  }
  const list: Contender[][] = [
    [{key: 'floor-horizontal', label: 'Chromium print, horizontal (floor)', format: 'pdf', cold: true, run: (out) => chromiumPrint(book, 'horizontal', out)}],
    [{key: 'floor-vertical', label: 'Chromium print, vertical (floor)', format: 'pdf', cold: true, run: (out) => chromiumPrint(book, 'vertical', out)}],
    [{key: 'paged', label: 'plain Paged.js', format: 'pdf', cold: true, run: (out) => plainPagedJs(book, out)}],
    [
      {
        key: 'horizontal-all',
        label: `huibian horizontal, jobs=${cores} (one per core)`,
        format: 'pdf',
        cold: true,
        run: pdf(book, 'horizontal', {jobs: cores}),
      },
    ],
    horizontal,
    [{key: 'vertical', label: 'huibian vertical', format: 'pdf', cold: true, run: pdf(book, 'vertical')}],
    [
      // As a user runs it: a process of its own, its modules loaded.
      {
        key: 'epub',
        label: 'huibian EPUB (huibian build --format epub)',
        format: 'epub',
        cold: true,
        run: (out) => huibianCommand(['build', book, '--format', 'epub', '--out', out]),
      },
    ],
  ];
  if (options.linear) {
    list.push(
      [{key: 'half-horizontal', label: 'huibian horizontal, half book', format: 'pdf', cold: true, run: pdf(half, 'horizontal')}],
      [{key: 'half-vertical', label: 'huibian vertical, half book', format: 'pdf', cold: true, run: pdf(half, 'vertical')}],
    );
  }
  return list;
}

/** The incremental build: one article edited, the book built again with the cache of the full build; the article restored after. */
async function rebuild(bookDir: string, article: string, out: string, cacheDir: string): Promise<Made> {
  const original = await readFile(article, 'utf8');
  await writeFile(article, withAddedParagraph(original));
  try {
    return await huibianBuild({bookDir, format: 'pdf', out, writingMode: 'horizontal', cacheDir});
  } finally {
    await writeFile(article, original);
  }
}

/** One timed run with its peak memory; pages from the PDF when the run did not say. */
async function measure(contender: Contender, folders: Folders): Promise<Sample> {
  const out = path.join(folders.out, `${contender.key}.${contender.format}`);
  if (contender.cold) await rm(folders.cache, {recursive: true, force: true});
  // What earlier runs left on this process's heap is not this run's memory.
  globalThis.gc?.();
  const {value, memory} = await withPeakPss(async () => {
    const started = performance.now();
    const made = await contender.run(out);
    return {made, seconds: (performance.now() - started) / 1000};
  });
  const pages = value.made.pages ?? (contender.format === 'pdf' ? await pdfPages(out) : undefined);
  const {steps} = value.made;
  return {
    seconds: value.seconds,
    peakPssMb: memory.peakKb / 1024,
    processes: memory.processes,
    unreadable: memory.unreadable,
    pages,
    ...(steps ? {steps} : {}),
  };
}

/** Every round runs every step once, starting one step later each round, so no row always runs first or last. */
async function runRounds(options: Options, list: Contender[][], folders: Folders): Promise<Map<string, Row>> {
  const rows = new Map<string, Row>(list.flat().map((c) => [c.key, {key: c.key, label: c.label, samples: [], failures: []}]));
  for (let round = 0; round < options.rounds; round++) {
    const order = [...list.slice(round % list.length), ...list.slice(0, round % list.length)];
    for (const contender of order.flat()) {
      const row = rows.get(contender.key)!;
      try {
        const sample = await measure(contender, folders);
        row.samples.push(sample);
        const pages = sample.pages === undefined ? '' : `, ${sample.pages} pages`;
        const unread = sample.unreadable > 0 ? ` (${sample.unreadable} processes unreadable)` : '';
        log(
          `round ${round + 1}/${options.rounds}: ${contender.label}: ${sample.seconds.toFixed(1)} s${pages}, peak PSS ${sample.peakPssMb.toFixed(0)} MB over ${sample.processes} process${sample.processes === 1 ? '' : 'es'}${unread}`,
        );
      } catch (error) {
        row.failures.push((error as Error).message.split('\n')[0]!);
        log(`round ${round + 1}/${options.rounds}: ${contender.label}: FAILED: ${row.failures.at(-1)}`);
      }
    }
  }
  return new Map([...rows].map(([key, row]) => [key, summarize(row)]));
}

/** Does the incremental rebuild print what a clean build of the edited book prints? */
interface IncrementalCheck {
  article: string;
  rebuiltPages: number;
  cleanPages: number;
  sameText: boolean;
  sameBytes: boolean;
}

/** A clean build of the edited book (empty cache) against the last rebuild's PDF: pages, `pdftotext -layout` text, bytes. */
async function checkIncremental(article: string, folders: Folders): Promise<IncrementalCheck> {
  const rebuilt = path.join(folders.out, 'rebuild.pdf');
  const clean = path.join(folders.out, 'clean.pdf');
  const cacheDir = path.join(folders.root, 'clean-cache');
  const original = await readFile(article, 'utf8');
  await writeFile(article, withAddedParagraph(original));
  try {
    await huibianBuild({bookDir: folders.book, format: 'pdf', out: clean, writingMode: 'horizontal', cacheDir});
  } finally {
    await writeFile(article, original);
  }
  const [a, b] = await Promise.all([readFile(rebuilt), readFile(clean)]);
  // Kept for a person to compare when they differ.
  await mkdir(RESULTS_DIR, {recursive: true});
  await Promise.all([copyFile(rebuilt, path.join(RESULTS_DIR, 'incremental-rebuild.pdf')), copyFile(clean, path.join(RESULTS_DIR, 'incremental-clean.pdf'))]);
  return {
    article: path.relative(folders.book, article),
    rebuiltPages: await pdfPages(rebuilt),
    cleanPages: await pdfPages(clean),
    sameText: (await layoutText(rebuilt)) === (await layoutText(clean)),
    sameBytes: a.equals(b),
  };
}

/** The ratios issue 13 sets goals for, and the ones that explain them. */
function ratios(rows: Map<string, Row>): Ratio[] {
  const row = (key: string) => rows.get(key);
  const list = [
    ratio('horizontal (default jobs) / floor', row('horizontal'), row('floor-horizontal'), 2.0),
    ratio(`horizontal jobs=${cores} / floor`, row('horizontal-all'), row('floor-horizontal')),
    ratio('horizontal (default jobs) / plain Paged.js', row('horizontal'), row('paged'), 0.7),
    ratio(`horizontal jobs=${cores} / plain Paged.js`, row('horizontal-all'), row('paged')),
    ratio(`horizontal jobs=${cores} / jobs=${jobs} (default)`, row('horizontal-all'), row('horizontal')),
    ratio('vertical / vertical floor', row('vertical'), row('floor-vertical')),
  ];
  if (rows.has('half-horizontal')) {
    list.push(
      ratio('linearity: horizontal full / half', row('horizontal'), row('half-horizontal'), 2.1),
      ratio('linearity: vertical full / half', row('vertical'), row('half-vertical'), 2.1),
    );
  }
  if (rows.has('rebuild')) list.push(ratio('incremental: rebuild / full horizontal', row('rebuild'), row('horizontal'), 0.2));
  return list;
}

function describeCheck(check: IncrementalCheck | undefined, failure: string | undefined): string[] {
  if (failure) return [`incremental check FAILED: ${failure}`];
  if (!check) return [];
  const same = check.rebuiltPages === check.cleanPages && check.sameText;
  return [
    `incremental check (${check.article} edited): rebuild ${check.rebuiltPages} pages, clean build ${check.cleanPages}; ` +
      `pdftotext -layout ${check.sameText ? 'identical' : 'DIFFERS'}; bytes ${check.sameBytes ? 'identical' : 'differ'} → ${same ? 'ok' : 'NOT the same book'}`,
  ];
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
  const options = parseOptions();
  const root = await mkdtemp(path.join(os.tmpdir(), 'huibian-bench-'));
  const folders: Folders = {
    root,
    book: path.join(root, 'book'),
    half: path.join(root, 'half'),
    cache: path.join(root, 'cache'),
    out: path.join(root, 'out'),
  };
  try {
    const half = Math.floor(options.articles / 2);
    const make = options.book === 'prose' ? async (dir: string, count: number) => void (await makeProseBook(dir, count)) : makeYearlyBook;
    await make(folders.book, options.articles);
    if (options.linear) await make(folders.half, half);
    await mkdir(folders.out, {recursive: true});
    const edited = options.incremental ? await middleArticle(folders.book) : undefined;
    if (!globalThis.gc) log('(run with node --expose-gc, as `npm run bench` does, to start each run from a collected heap)');

    const rows = await runRounds(options, steps(options, folders, edited), folders);
    let check: IncrementalCheck | undefined;
    let checkFailure: string | undefined;
    if (edited) {
      log('incremental check: clean build of the edited book…');
      check = await checkIncremental(edited, folders).catch((error: unknown) => {
        checkFailure = (error as Error).message.split('\n')[0];
        return undefined;
      });
    }

    const ratioList = ratios(rows);
    const title =
      `${options.book === 'prose' ? 'real prose' : 'yearly report'}, ${options.articles} articles${options.linear ? ` (half book: ${half})` : ''}, medians of ${options.rounds} round(s); ` +
      `${os.cpus().length} CPUs, jobs default ${jobs}; peak PSS = this process and all its descendants`;
    const unreadable = [...rows.values()].some((r) => r.samples.some((s) => s.unreadable > 0));
    const notes = [...describeCheck(check, checkFailure), ...(unreadable ? ['some processes could not be read: their memory is missing from the peaks'] : [])];
    process.stdout.write(`\n${formatReport(title, [...rows.values()], ratioList, notes)}`);

    const file = path.join(RESULTS_DIR, 'results.json');
    await writeResults(file, {
      date: new Date().toISOString(),
      machine: {cpus: os.cpus().length, availableParallelism: cores, defaultJobs: jobs, memoryMb: Math.round(os.totalmem() / 2 ** 20), node: process.version},
      options,
      book: {kind: options.book, articles: options.articles, ...(options.linear ? {halfArticles: half} : {})},
      rows: [...rows.values()],
      ratios: ratioList,
      ...(edited ? {incremental: check ?? {failure: checkFailure}} : {}),
    });
    log(`results: ${path.relative(process.cwd(), file)}`);
  } finally {
    await rm(root, {recursive: true, force: true});
  }
}

await main();
