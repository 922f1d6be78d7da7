/**
 * `npm run corpus`: build the real-text corpus (the Debian manuals, the Tang and Song poems;
 * see tests/helpers/corpus.ts) in both writing modes into build/corpus/, measure every printed
 * line of each PDF (tests/helpers/page-lines.ts) and print what is wrong with them: lines
 * starting with a closing mark or ending with an opening one, loose lines, drawn spaces next to
 * full-width marks. The numbers and every finding also go to build/corpus/report.json.
 *
 * Usage: npm run corpus [-- debian|debian-tw|poems] [-- horizontal|vertical]
 *
 * A build that fails is reported with its message.
 */
import {mkdir, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {buildBook} from '../src/outputs/build-book.js';
import {huibianRoot} from '../src/files/package-dir.js';
import {makeDebianBook, makePoemsBook, missingCorpusPackages} from '../tests/helpers/corpus.js';
import {lineReport, readPageLines, type LineFinding, type LineReport, type PageLine} from '../tests/helpers/page-lines.js';

type Mode = 'horizontal' | 'vertical';
const books = {
  debian: makeDebianBook,
  // The guide in Traditional Chinese: a book written in Traditional, printed character for character.
  'debian-tw': (dir: string, options: {writingMode: Mode}) => makeDebianBook(dir, {...options, manuals: ['maint-tw']}),
  poems: makePoemsBook,
};
type BookName = keyof typeof books;

const args = process.argv.slice(2);
const chosenBooks = (Object.keys(books) as BookName[]).filter((b) => !args.some((a) => a in books) || args.includes(b));
const chosenModes = (['horizontal', 'vertical'] as const).filter((m) => !args.some((a) => a === 'horizontal' || a === 'vertical') || args.includes(m));
const outDir = path.join(huibianRoot(), 'build', 'corpus');

/** Part labels (第一部分) are set with letter spacing on purpose: not loose lines. */
const partLabel = (line: PageLine) => /^第[一二三四五六七八九十百〇零]+部分$/.test(line.text);

interface Row {
  book: BookName;
  mode: Mode;
  pages?: number;
  /** Build time (until the failure, for a build that failed). */
  seconds: number;
  failure?: string;
  warnings?: number;
  report?: LineReport;
  excludedLabels?: number;
  /** Vertical books: notes set on their pages, or why they went to the articles' ends. */
  notes?: string;
}

const missing = missingCorpusPackages();
if (missing.length) {
  process.stderr.write(`缺少 Debian 软件包 ${missing.join('、')}：npm run setup（或 apt-get install ${missing.join(' ')}）\n`);
  process.exit(1);
}

await mkdir(outDir, {recursive: true});
const rows: Row[] = [];
for (const book of chosenBooks) {
  for (const mode of chosenModes) {
    const row = await buildAndMeasure(book, mode);
    rows.push(row);
    process.stdout.write(`${book} ${mode}: ${row.failure ? `失败 ${row.failure}` : 'ok'}, ${row.pages ?? '-'} 页, ${row.seconds.toFixed(1)} s\n`);
  }
}
printTable(rows);
for (const row of rows) printExamples(row);
await writeFile(path.join(outDir, 'report.json'), `${JSON.stringify(rows, null, 1)}\n`);

async function buildAndMeasure(book: BookName, mode: Mode): Promise<Row> {
  const dir = path.join(outDir, `${book}-${mode}`);
  const out = path.join(outDir, `${book}-${mode}.pdf`);
  await rm(dir, {recursive: true, force: true});
  await books[book](dir, {writingMode: mode});
  const row: Row = {book, mode, seconds: 0};

  const started = performance.now();
  try {
    const result = await buildBook({bookDir: dir, format: 'pdf', out, writingMode: mode});
    row.seconds = (performance.now() - started) / 1000;
    row.pages = result.pageCount;
    row.warnings = result.files.reduce((n, f) => n + f.messages.length, 0);
    if (result.notes?.notes) row.notes = result.notes.problem ? `end notes: ${result.notes.problem}` : `${result.notes.notes} on their page`;
  } catch (error) {
    row.failure = error instanceof Error ? error.message : String(error);
    row.seconds = (performance.now() - started) / 1000;
    return row;
  }
  const lines = await readPageLines(out, {writingMode: mode});
  row.report = lineReport(lines, {excludeLines: partLabel});
  row.excludedLabels = lines.filter(partLabel).length;
  return row;
}

function printTable(rows: Row[]): void {
  const header = ['book', 'mode', 'pages', 'lines', 'start', 'end', 'loose', 'spaces', 'build s', 'note'];
  const body = rows.map((r) => [
    r.book,
    r.mode,
    String(r.pages ?? '-'),
    String(r.report?.lines ?? '-'),
    String(r.report?.startViolations.length ?? '-'),
    String(r.report?.endViolations.length ?? '-'),
    String(r.report?.looseLines.length ?? '-'),
    String(r.report?.spacesNextToFullWidth.length ?? '-'),
    r.seconds.toFixed(1),
    r.failure ? 'build failed' : (r.notes ?? ''),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 2 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  process.stdout.write(`\n${line(header)}\n${line(widths.map((w) => '-'.repeat(w)))}\n${body.map(line).join('\n')}\n`);
}

/**
 * Five examples spread over the book (the first five are often one contents page), each a
 * different text, so that they show different cases.
 */
function sample<T extends LineFinding>(findings: T[], key: (f: T) => string = (f) => f.text): T[] {
  const seen = new Set<string>();
  const unique = findings.filter((f) => !seen.has(key(f)) && seen.add(key(f)));
  if (unique.length <= 5) return unique;
  return [0, 1, 2, 3, 4].map((i) => unique[Math.round((i * (unique.length - 1)) / 4)]!);
}

function printExamples(row: Row): void {
  process.stdout.write(`\n## ${row.book} ${row.mode}\n`);
  if (row.failure) process.stdout.write(`build failed after ${row.seconds.toFixed(1)} s: ${row.failure}\n`);
  const r = row.report;
  if (!r) return;
  if (row.excludedLabels) process.stdout.write(`(${row.excludedLabels} letter-spaced part labels 第…部分 not counted as loose)\n`);
  const show = (title: string, items: string[]) => {
    process.stdout.write(`${title}\n`);
    for (const item of items.slice(0, 5)) process.stdout.write(`  ${item}\n`);
  };
  const tail = (text?: string) => (text ? `   ← after “…${text.slice(-16)}”` : '');
  const head = (text?: string) => (text ? `   → before “${text.slice(0, 16)}…”` : '');
  show(
    `start violations (${r.startViolations.length}):`,
    sample(r.startViolations).map((f) => `p. ${f.page}: ${f.text}${tail(f.neighbour)}`),
  );
  show(
    `end violations (${r.endViolations.length}):`,
    sample(r.endViolations).map((f) => `p. ${f.page}: ${f.text}${head(f.neighbour)}`),
  );
  show(
    `loose lines (${r.looseLines.length}), worst first:`,
    r.looseLines.map((f) => `p. ${f.page}: median gap ${f.gap.toFixed(2)} em: ${f.text}`),
  );
  show(
    `spaces next to full-width marks (${r.spacesNextToFullWidth.length}):`,
    sample(r.spacesNextToFullWidth, (f) => f.context).map((f) => `p. ${f.page}: [${f.context}] in ${f.text}`),
  );
}
