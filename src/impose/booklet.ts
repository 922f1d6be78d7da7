import {degrees, PDFDocument, type PDFEmbeddedPage, PDFName} from 'pdf-lib';
import {carryInfo} from './carry-info.js';
import {impose, type ImposeOptions} from './order.js';

/** Sheet sizes in millimetres, portrait; sheets are used landscape. */
export const SHEETS = {A4: [210, 297], A3: [297, 420]} as const;
export type SheetName = keyof typeof SHEETS;

const MM = 72 / 25.4;

export interface BookletOptions extends ImposeOptions {
  sheet: SheetName;
  /** `long`: the back of each sheet is turned 180°, for printers that flip on the long edge. */
  duplex: 'short' | 'long';
  /** Paper thickness in mm: sheet i (from the outside) moves i × creep toward the spine. */
  creep?: number;
}

/**
 * The smallest sheet that holds two pages side by side (A5 pages → A4, A4 → A3), or undefined
 * when none does.
 */
export function sheetFor(pageWidthMm: number, pageHeightMm: number): SheetName | undefined {
  return (Object.keys(SHEETS) as SheetName[]).find((name) => {
    const [short, long] = SHEETS[name];
    return long + 0.5 >= 2 * pageWidthMm && short + 0.5 >= pageHeightMm;
  });
}

/**
 * Impose a finished PDF for saddle stitching: each sheet side carries two pages, in the order
 * of {@link impose}, their trim edges meeting at the spine in the middle of the sheet.
 * Output order: sheet 1 front, sheet 1 back, sheet 2 front …
 */
export async function imposeBooklet(pdf: Uint8Array, options: BookletOptions): Promise<Uint8Array> {
  const source = await PDFDocument.load(pdf);
  const out = await PDFDocument.create();
  const pages = source.getPages();
  // pdf-lib copies a page whole to embed it: its links would come along, and every page they point to.
  for (const page of pages) page.node.delete(PDFName.of('Annots'));
  const embedded: PDFEmbeddedPage[] = await out.embedPages(pages);
  const [short, long] = SHEETS[options.sheet];
  const width = long * MM;
  const height = short * MM;
  const sheets = impose(pages.length, options);
  sheets.forEach((sheet, index) => {
    const creep = (options.creep ?? 0) * MM * index;
    for (const [side, back] of [
      [sheet.front, false],
      [sheet.back, true],
    ] as const) {
      const page = out.addPage([width, height]);
      const rotate = back && options.duplex === 'long';
      side.forEach((number, half) => {
        if (number === 0) return;
        const art = embedded[number - 1]!;
        const y = (height - art.height) / 2;
        // Left half: the page's right (trim) edge at the spine; right half: its left edge.
        const x = half === 0 ? width / 2 - art.width + creep : width / 2 - creep;
        if (!rotate) page.drawPage(art, {x, y});
        // Turned 180° about the sheet's centre: (x, y) → (W − x, H − y).
        else page.drawPage(art, {x: width - x, y: height - y, rotate: degrees(180)});
      });
    }
  });
  carryInfo(source, out);
  return out.save();
}
