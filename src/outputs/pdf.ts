/** `--format pdf`: the book as a PDF for the screen, or with `--press` for the print shop. */
import {VFile} from 'vfile';
import {expectSameText, preflight} from '../core/output-checks.js';
import type {BuildContext, BuildOptions, BuildResult} from '../core/options.js';
import {printBook} from '../core/print-book.js';
import type {LoadedBook} from '../core/load-book.js';
import {writeAtomic} from '../files/write-atomic.js';
import {toPdfx} from '../impose/pdfx.js';
import {pressPdf} from '../impose/press.js';
import type {Book} from '../model/book.js';
import {stopIfCancelled} from '../report/cancel.js';

/** Print the book, make the press PDF from it when asked, and write it. */
export async function buildPdf({book, files}: LoadedBook, options: BuildOptions, context: BuildContext): Promise<BuildResult> {
  if (options.press) files.push(...(await preflight(book, files)));
  let {pdf, pageCount, lines, notes, refused} = await printBook(book, options, context);
  if (refused.length > 0) files.push(refusedFile(book, refused));
  if (options.press) {
    const screen = pdf;
    pdf = await pressPdf(pdf, options.press);
    await stopIfCancelled(context.signal);
    if (options.press.pdfx) pdf = await toPdfx(pdf, options.press.pdfx, context.signal);
    await expectSameText(screen, pdf, '印厂 PDF');
  }
  await writeAtomic(options.out, pdf, {signal: context.signal});
  return {out: options.out, files, pageCount, lines, notes};
}

/**
 * What the print page asked for outside the book's files (most often a `url()` or `@import` in
 * the book's own templates), as warnings: the browser is fenced, so it printed without them.
 */
function refusedFile(book: Book, refused: string[]): VFile {
  const file = new VFile({path: 'templates', cwd: book.dir});
  for (const url of [...new Set(refused)].slice(0, 10)) {
    file.message(`排版时页面要读取 \`${url.slice(0, 100)}\`，已拒绝：只能使用书的文件夹里的文件（请检查模板中的 url() 和 @import）`, {
      ruleId: 'fenced',
      source: 'huibian',
    });
  }
  return file;
}
