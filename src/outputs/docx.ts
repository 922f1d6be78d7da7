/** `--format docx`: the book as a Word document that offices edit, submit and print. */
import type {BuildContext, BuildOptions, BuildResult} from '../core/options.js';
import type {LoadedBook} from '../core/load-book.js';
import {writeAtomic} from '../files/write-atomic.js';
import {loadPictures} from '../render/docx/pictures.js';
import {docxPictureBox, renderDocx} from '../render/docx/write-docx.js';
import {editionDate} from './epub.js';

/** Draw the pictures Word cannot take as they are, write the document, and say what is in it. */
export async function buildDocx({book, files}: LoadedBook, options: BuildOptions, {progress, signal}: BuildContext): Promise<BuildResult> {
  progress?.step('write');
  const pictures = await loadPictures(book, docxPictureBox(book.meta), {signal});
  signal?.throwIfAborted();
  const docx = await renderDocx(book, {pictures, modified: editionDate(book)});
  await writeAtomic(options.out, docx, {signal});
  return {out: options.out, files};
}
