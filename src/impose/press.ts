import {cmyk, PDFDocument, PDFName, type PDFPage} from 'pdf-lib';
import {carryInfo} from './carry-info.js';

const MM = 72 / 25.4;

export interface PressOptions {
  /** Bleed in mm on every side (3 mm is the print shops' norm). */
  bleed: number;
  /** Draw crop marks outside the bleed. */
  marks: boolean;
}

/** Where crop marks go: this far outside the bleed, this long, this thin (points). */
const MARK_OFFSET = 3 * MM;
const MARK_LENGTH = 5 * MM;
const MARK_WIDTH = 0.25;

/**
 * The print-shop PDF: every page enlarged by the bleed (and, with marks, by room for crop
 * marks outside it), with TrimBox = the finished page, BleedBox = trim + bleed, MediaBox ⊇
 * BleedBox; links and other annotations removed; crop marks in registration black.
 */
export async function pressPdf(pdf: Uint8Array, options: PressOptions): Promise<Uint8Array> {
  const source = await PDFDocument.load(pdf);
  const out = await PDFDocument.create();
  const bleed = options.bleed * MM;
  const margin = bleed + (options.marks ? MARK_OFFSET + MARK_LENGTH : 0);
  // pdf-lib copies a page whole to embed it: its links would come along, and every page they point to.
  for (const page of source.getPages()) page.node.delete(PDFName.of('Annots'));
  const embedded = await out.embedPages(source.getPages());
  for (const art of embedded) {
    const trim = {width: art.width, height: art.height};
    const page = out.addPage([trim.width + 2 * margin, trim.height + 2 * margin]);
    page.drawPage(art, {x: margin, y: margin});
    page.setTrimBox(margin, margin, trim.width, trim.height);
    page.setBleedBox(margin - bleed, margin - bleed, trim.width + 2 * bleed, trim.height + 2 * bleed);
    if (options.marks) drawCropMarks(page, margin, trim, bleed);
    page.node.delete(PDFName.of('Annots'));
  }
  carryInfo(source, out);
  return out.save();
}

/** Eight thin lines at the trim corners, starting outside the bleed, in registration black (100 % of every ink). */
function drawCropMarks(page: PDFPage, margin: number, trim: {width: number; height: number}, bleed: number): void {
  const color = cmyk(1, 1, 1, 1);
  const left = margin;
  const right = margin + trim.width;
  const bottom = margin;
  const top = margin + trim.height;
  const gap = bleed + MARK_OFFSET;
  for (const x of [left, right]) {
    for (const [from, to] of [
      [bottom - gap, bottom - gap - MARK_LENGTH],
      [top + gap, top + gap + MARK_LENGTH],
    ] as const) {
      page.drawLine({start: {x, y: from}, end: {x, y: to}, thickness: MARK_WIDTH, color});
    }
  }
  for (const y of [bottom, top]) {
    for (const [from, to] of [
      [left - gap, left - gap - MARK_LENGTH],
      [right + gap, right + gap + MARK_LENGTH],
    ] as const) {
      page.drawLine({start: {x: from, y}, end: {x: to, y}, thickness: MARK_WIDTH, color});
    }
  }
}
