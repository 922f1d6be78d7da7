/**
 * Checks around the PDFs a build writes: before printing for paper, and of a PDF made from the
 * book's own (imposed, converted) against it.
 */
import type {VFile} from 'vfile';
import {readTemplate, templatePath} from '../files/templates.js';
import {checkImages} from '../lint/image-resolution.js';
import {transparencyWarnings} from '../lint/transparency.js';
import type {Book} from '../model/book.js';
import {compareHan, pdfText} from '../render/pdf/text-check.js';
import {EnvironmentError, hasFatal, InputError} from '../report/messages.js';

/**
 * Checks before printing for paper (docs/print.md): image resolution at printed size, and
 * transparency in the templates. Returns the template files that have something to say.
 */
export async function preflight(book: Book, files: VFile[]): Promise<VFile[]> {
  await checkImages(book, files);
  const templates: VFile[] = [];
  for (const name of ['print.css', `pages-${book.meta.writingMode}.css`]) {
    const file = transparencyWarnings(await readTemplate(book.dir, name), templatePath(book.dir, name));
    if (file.messages.length > 0) templates.push(file);
  }
  if (hasFatal(files)) throw new InputError(files);
  return templates;
}

/**
 * A PDF made from the book's PDF (the booklet's imposed sheets, the press PDF) must draw the
 * same Han characters: imposition or Ghostscript losing a page's text stops the build here.
 */
export async function expectSameText(source: Uint8Array, made: Uint8Array, what: string): Promise<void> {
  const problem = compareHan(await pdfText(source), await pdfText(made));
  if (problem) throw new EnvironmentError(`${what}与书的 PDF 不符：${problem}，未写出文件。请报告此问题`);
}
