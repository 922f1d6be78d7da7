import os from 'node:os';
import path from 'node:path';
import {mkdtemp, readFile} from 'node:fs/promises';
import type {Root} from 'hast';
import {visit} from 'unist-util-visit';
import {expect} from 'vitest';
import {compileBook} from '../../src/book/compile.js';
import {articlesOf} from '../../src/model/book.js';
import {buildBook, type BuildResult} from '../../src/outputs/build-book.js';
import {loadConfig} from '../../src/config/load.js';
import type {CorpusBook} from './corpus.js';
import {lineReport, readPageLines, type LineReport, type PageLine} from './page-lines.js';

/** Part labels (第一部分) are letter-spaced on purpose: not loose lines. */
const partLabel = (line: PageLine) => /^第[一二三四五六七八九十百〇零]+部分$/.test(line.text);
const han = (text: string) => (text.match(/\p{Script=Han}/gu) ?? []).join('');

/** A corpus book built into a PDF and measured line by line. */
export interface MeasuredBook {
  /** The book folder. */
  dir: string;
  /** The built PDF. */
  pdf: string;
  result: BuildResult;
  report: LineReport;
  /** Paragraphs whose source text begins with a closing mark (`huibian check` reports them), as Han. */
  closingStarts: string[];
  /** `<del>` elements in the compiled book and `~~` in the sources. */
  struck: number;
  doubleTildes: number;
}

/** Make a corpus book in a temporary folder with `make`, build its PDF and measure it. */
export async function buildCorpusBook(
  make: (dir: string, options: {writingMode: 'horizontal' | 'vertical'}) => Promise<CorpusBook>,
  writingMode: 'horizontal' | 'vertical',
): Promise<MeasuredBook> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `huibian-corpus-${writingMode}-`));
  const book = await make(path.join(dir, 'book'), {writingMode});
  const out = path.join(dir, 'book.pdf');
  const result = await buildBook({bookDir: book.dir, format: 'pdf', out});
  const report = lineReport(await readPageLines(out, {writingMode}), {excludeLines: partLabel});

  const {book: linted, files} = await compileBook(await loadConfig(book.dir), undefined, {lint: true});
  const closingStarts: string[] = [];
  for (const file of files) {
    const lines = String(file.value).split('\n');
    for (const message of file.messages) if (message.ruleId === 'paragraph-start') closingStarts.push(han(lines[message.line! - 1] ?? ''));
  }
  let struck = 0;
  for (const article of articlesOf(linted)) visit(article.body as Root, 'element', (node) => void (node.tagName === 'del' && struck++));
  let doubleTildes = 0;
  for (const name of book.manuscripts) doubleTildes += (await readFile(path.join(book.dir, name), 'utf8')).split('~~').length - 1;
  return {dir: book.dir, pdf: out, result, report, closingStarts, struck, doubleTildes};
}

/**
 * The bar of issue 9 on a measured corpus book: no line ends with an opening mark, none is
 * loose, no drawn space stands next to a full-width mark, nothing is struck through by a single
 * `~`; a line starts with a closing mark only where its paragraph does in the source (line
 * breaking cannot help that; `huibian check` reports it).
 */
export function expectCleanLines(book: MeasuredBook): void {
  const {report} = book;
  // A book of which no line was read would break no rule.
  expect(report.lines, 'lines measured').toBeGreaterThan(1000);
  const fromSource = (text: string) => book.closingStarts.some((start) => start.startsWith(han(text).slice(0, 8)));
  expect(report.startViolations.filter((v) => !fromSource(v.text)).map((v) => `p.${v.page} ${v.text}`)).toEqual([]);
  expect(report.endViolations.map((v) => `p.${v.page} ${v.text}`)).toEqual([]);
  expect(report.looseLines.map((v) => `p.${v.page} ${v.gap.toFixed(2)} em ${v.text}`)).toEqual([]);
  expect(report.spacesNextToFullWidth.map((v) => `p.${v.page} ${v.context}`)).toEqual([]);
  expect(book.struck).toBe(book.doubleTildes);
}
