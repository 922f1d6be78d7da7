/** `--format booklet`: selected articles as a small book of their own, imposed for the office printer. */
import {PDFDocument} from 'pdf-lib';
import {selectArticles} from '../book/select.js';
import {expectSameText, preflight} from '../core/output-checks.js';
import type {BuildContext, BuildOptions, BuildResult} from '../core/options.js';
import {printBook} from '../core/print-book.js';
import type {LoadedBook} from '../core/load-book.js';
import {writeAtomic} from '../files/write-atomic.js';
import {imposeBooklet, sheetFor} from '../impose/booklet.js';
import {articlesOf} from '../model/book.js';
import {calibrationPdf} from '../render/pdf/calibration.js';
import {stopIfCancelled} from '../report/cancel.js';
import {UsageError} from '../report/messages.js';
import {writingModeOf} from '../render/shared/writing-mode.js';

/**
 * A booklet for the office printer: the selected articles as a small book of their own (own
 * cover, contents and page numbers), or the calibration sheet, imposed for saddle stitching.
 */
export async function buildBooklet({book: whole, files}: LoadedBook, options: BuildOptions, context: BuildContext): Promise<BuildResult> {
  const choice = options.booklet!;
  const {book, unmatched} = await selectArticles(whole, choice.select, choice.title);
  if (unmatched.length > 0) {
    const tags = [...new Set(articlesOf(whole).flatMap((a) => a.tags))];
    throw new UsageError(
      `--select 中的 ${unmatched.map((u) => `\`${u}\``).join('、')} 没有对上任何稿件：可用部分名（${whole.parts.map((p) => p.title).join('、')}）、标签（${tags.slice(0, 12).join('、')}）或文件名`,
    );
  }
  files.push(...(await preflight(book, files)));
  const {width, height} = book.meta.pageSize;
  const sheet = choice.sheet ?? sheetFor(width, height);
  if (!sheet) throw new UsageError(`${width}×${height} mm 的页面，两页并排放不进 A4 或 A3：请换小一些的 pageSize`);
  const pdf = choice.calibration ? await calibrationPdf(book, {signal: context.signal}) : (await printBook(book, options, context)).pdf;
  // printBook's last step is the writing already.
  if (choice.calibration) context.progress?.step('write');
  const binding = choice.binding ?? writingModeOf(book.meta).binding;
  const imposed = await imposeBooklet(pdf, {
    binding,
    sheet,
    duplex: choice.duplex,
    creep: choice.creep,
    ...(choice.signature ? {signature: choice.signature} : {}),
  });
  await stopIfCancelled(context.signal);
  if (!choice.calibration) await expectSameText(pdf, imposed, '小册子');
  await writeAtomic(options.out, imposed, {signal: context.signal});
  return {out: options.out, files, pageCount: (await PDFDocument.load(imposed)).getPageCount()};
}
