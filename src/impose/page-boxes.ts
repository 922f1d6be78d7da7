import {PDFDocument, PDFName} from 'pdf-lib';

const MM = 72 / 25.4;

/**
 * A one-page PDF that already carries its bleed (the cover sheet) set on a page of exactly
 * `width` × `height` mm, with its print boxes (docs/print.md): MediaBox = BleedBox = the whole
 * page, TrimBox inset by `bleed` on every side. Chromium rounds a CSS page size by up to half a
 * point; the page is scaled by as little to the size asked for. Returns the document unsaved.
 */
export async function withPrintBoxes(pdf: Uint8Array, {width, height, bleed}: {width: number; height: number; bleed: number}): Promise<PDFDocument> {
  const source = await PDFDocument.load(pdf);
  const out = await PDFDocument.create();
  const first = source.getPage(0);
  // pdf-lib copies a page whole to embed it: links would come along.
  first.node.delete(PDFName.of('Annots'));
  const [art] = await out.embedPages([first]);
  const page = out.addPage([width * MM, height * MM]);
  page.drawPage(art!, {x: 0, y: 0, width: width * MM, height: height * MM});
  page.setBleedBox(0, 0, width * MM, height * MM);
  page.setTrimBox(bleed * MM, bleed * MM, (width - 2 * bleed) * MM, (height - 2 * bleed) * MM);
  return out;
}
