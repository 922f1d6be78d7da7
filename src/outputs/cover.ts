/**
 * `--format cover`: the cover sheet of a perfect-bound (胶装) book for the print shop — back
 * cover, spine and front cover on one page with bleed, the spine as wide as the finished book
 * is thick (docs/cover.md).
 */
import type {LoadedBook} from '../core/load-book.js';
import type {BuildContext, BuildOptions, BuildResult} from '../core/options.js';
import {printBook} from '../core/print-book.js';
import {withBrowser} from '../core/with-browser.js';
import {writeAtomic} from '../files/write-atomic.js';
import {withPrintBoxes} from '../impose/page-boxes.js';
import {toPdfx} from '../impose/pdfx.js';
import type {Book} from '../model/book.js';
import {coverSpreadPdf, type PrintedCover} from '../render/pdf/cover-spread.js';
import {buildDate} from '../render/shared/build-date.js';
import {describeDocument} from '../render/pdf/finish.js';
import {MIN_SPINE_TEXT, type Spine, type Spread, spineOf, spreadOf} from '../render/pdf/spread-geometry.js';
import {compareHan, pdfText} from '../render/pdf/text-check.js';
import {labelsFor} from '../render/shared/labels.js';
import {stopIfCancelled} from '../report/cancel.js';
import {EnvironmentError} from '../report/messages.js';
import {hanCounts} from '../typography/han-counts.js';
import {writingModeOf} from '../render/shared/writing-mode.js';

/** Below this a spine is thinner than glue binding holds well: the report says so. */
const THIN_SPINE = 2;

/** Print the book to learn its page count, then the cover sheet to fit it. */
export async function buildCover({book, files}: LoadedBook, options: BuildOptions, context: BuildContext): Promise<BuildResult> {
  const choice = options.cover!;
  const {spine, spread, printed} = await printSheet(book, options, context);
  const doc = await withPrintBoxes(printed.pdf, spread);
  const {meta} = book;
  describeDocument(doc, meta, {
    title: `${meta.title} ${labelsFor(meta.language).cover}`,
    author: meta.author,
    producer: 'huibian (Chromium, pdf-lib)',
    now: buildDate(),
  });
  let pdf = await doc.save();
  await stopIfCancelled(context.signal);
  if (choice.pdfx) pdf = await toPdfx(pdf, choice.pdfx, context.signal);
  await expectCoverText(book, printed, pdf);
  await writeAtomic(options.out, pdf, {signal: context.signal});
  return {out: options.out, files, report: reportLines(spine, spread, printed.spine)};
}

/**
 * The book printed for its page count, then the sheet with a spine that thick. The book's
 * print closes the browser started ahead: the sheet's own starts meanwhile.
 */
async function printSheet(book: Book, options: BuildOptions, context: BuildContext): Promise<{spine: Spine; spread: Spread; printed: PrintedCover}> {
  const choice = options.cover!;
  return withBrowser(context.signal, async (browser) => {
    const {pageCount} = await printBook(book, options, context);
    const spine = spineOf(pageCount, choice.paperThickness);
    const spread = spreadOf({trim: book.meta.pageSize, spine: spine.width, bleed: choice.bleed, binding: writingModeOf(book.meta).binding});
    context.progress?.detail(`书脊 ${millimetres(spine.width)} mm，排封面`);
    return {spine, spread, printed: await coverSpreadPdf(book, spread, {signal: context.signal, browser})};
  });
}

/**
 * The sheet's PDF must draw what its page printed, and the title on the front and, when the
 * spine has text, on the spine too: Ghostscript or the boxes losing text stops the build here.
 */
async function expectCoverText(book: Book, printed: PrintedCover, pdf: Uint8Array): Promise<void> {
  const text = await pdfText(pdf);
  const times = printed.spine === 'printed' ? 2 : 1;
  const got = hanCounts(text);
  const title = [...hanCounts(book.meta.title)].every(([char, n]) => (got.get(char) ?? 0) >= n * times);
  const problem = compareHan(printed.text, text) ?? (title ? undefined : `书名没有印${times === 2 ? '在封面和书脊上' : '在封面上'}`);
  if (problem) throw new EnvironmentError(`封面的 PDF 与排好的页面不符：${problem}，未写出文件。请报告此问题`);
}

/** What the user should know: the spine's width and how it was reckoned, the sheet's size, the spine's text. */
function reportLines(spine: Spine, spread: Spread, text: PrintedCover['spine']): string[] {
  const notes = [
    text === 'none' ? `不足 ${MIN_SPINE_TEXT} mm，书脊不印字` : undefined,
    text === 'too-long' ? '书名太长，书脊上放不下，书脊不印字（可在 book.yaml 中用短一些的 title）' : undefined,
    spine.width < THIN_SPINE ? `不足 ${THIN_SPINE} mm，胶装不牢，这么薄的书宜用骑马钉（--format booklet）` : undefined,
  ].filter(Boolean);
  const size = `封面展开 ${millimetres(spread.width)} × ${millimetres(spread.height)} mm（成品 ${millimetres(spread.width - 2 * spread.bleed)} × ${millimetres(spread.trim.height)} mm，四边各加出血 ${spread.bleed} mm）`;
  return [[`书脊宽 ${millimetres(spine.width)} mm（${spine.pages} 页 = ${spine.sheets} 张 × ${spine.thickness} mm）`, ...notes].join('；'), size];
}

/** A length for people: at most two decimals, no trailing zeros (3.2, 2.61, 302.9). */
function millimetres(value: number): string {
  return String(Number(value.toFixed(2)));
}
