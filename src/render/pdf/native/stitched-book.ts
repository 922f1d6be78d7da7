/**
 * A vertical book put together from its pieces' own prints, with the running heads laid over
 * its pages from a document of their own: what a vertical book was before it was printed once,
 * and what it still is when its one print does not match its pieces (untagged then, its fonts
 * embedded once per piece).
 */
import {PDFDocument} from 'pdf-lib';
import type {Book} from '../../../model/book.js';
import {resolveNamedLinks} from '../named-destinations.js';
import type {PrintContext} from '../print-page.js';
import type {SheetLayout} from '../running-heads.js';
import {addBlank, append, stampRunningHeads} from '../stitch.js';

/** A piece's print, the pages before which blank pages go, and where its page `i` lands in the book. */
export interface PlacedPrint {
  pdf: PDFDocument;
  blanks: number[];
  placed(index: number): number;
}

export async function stitchedBook(
  context: PrintContext,
  book: Book,
  files: Map<string, string | Buffer>,
  pieces: PlacedPrint[],
  layout: SheetLayout,
): Promise<PDFDocument> {
  const whole = await PDFDocument.create();
  for (const [i, piece] of pieces.entries()) {
    await append(whole, piece.pdf, piece.blanks);
    // The front matter is padded to an even count: the body begins on a recto.
    if (i === 0 && layout.padded) addBlank(whole);
  }
  resolveNamedLinks(
    whole,
    pieces.map(({pdf, placed}) => ({doc: pdf, placed})),
  );
  await stampRunningHeads(context, book, whole, layout, files);
  return whole;
}
