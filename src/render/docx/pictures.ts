/**
 * The book's pictures as Word takes them. PNG, JPEG and GIF go in as they are. An SVG goes in
 * as itself (Word 2016 and later draw it) with a PNG that every other reader shows instead,
 * and a WebP, which Word cannot show, as a PNG: both drawn by Chromium with the book's fonts,
 * as the PDF draws them, at 300 dpi for the size they are placed at.
 */
import {readFile} from 'node:fs/promises';
import {toHtml} from 'hast-util-to-html';
import type {ElementHandle} from 'puppeteer-core';
import type {Asset, Book} from '../../model/book.js';
import {imagePixels} from '../../files/image-files.js';
import {svgForEpub} from '../../svg/for-epub.js';
import {embedBeside} from '../../svg/references.js';
import {scriptOf} from '../../typography/script.js';
import {fontSheet} from '../shared/fonts.js';
import {loadSvgs, placeSvg} from '../shared/inline-svg.js';
import type {RenderOptions} from '../pdf/engine.js';
import {loadDocument, withPrintPage} from '../pdf/print-page.js';

/** A picture ready for a docx `ImageRun`: its data, and its size where the book places it, in CSS pixels (96 to the inch). */
export type Picture = ({type: 'png' | 'jpg' | 'gif'; data: Uint8Array} | {type: 'svg'; data: Uint8Array; fallback: Uint8Array}) & {
  width: number;
  height: number;
};

/** Where pictures may go: the text area's width and the tallest a figure may be (print.css: 45 % of the page). */
export interface PictureBox {
  width: number;
  height: number;
}

const DPI = 300;
const PX_PER_MM = 96 / 25.4;

/** Every picture of the book by its URL in the book model, sized to fit `box`. */
export async function loadPictures(book: Book, box: PictureBox, options: Pick<RenderOptions, 'signal' | 'browser'> = {}): Promise<Map<string, Picture>> {
  const pictures = new Map<string, Picture>();
  const drawn: Asset[] = [];
  for (const asset of book.assets) {
    const type = ({'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif'} as const)[asset.mediaType as 'image/png'];
    if (!type) {
      drawn.push(asset);
      continue;
    }
    const data = await readFile(asset.path);
    const pixels = await imagePixels(asset.path);
    if (pixels) pictures.set(asset.url, {type, data, ...fit(pixels, box)});
  }
  if (drawn.length > 0) for (const [url, picture] of await drawPictures(book, drawn, box, options)) pictures.set(url, picture);
  return pictures;
}

/** The size at which print.css places a picture: its own, shrunk to fit the box. */
export function fit({width, height}: {width: number; height: number}, box: PictureBox): {width: number; height: number} {
  const scale = Math.min(1, box.width / width, box.height / height);
  return {width: Math.round(width * scale), height: Math.round(height * scale)};
}

/**
 * SVG and WebP pictures drawn by Chromium: each placed in a page with the book's fonts, measured
 * at its own size, fitted and screenshot at 300 dpi for that size. A converted book's (`--to`)
 * drawings are drawn with their text converted, and go in as PNG only: the SVG would show it
 * unconverted.
 */
async function drawPictures(book: Book, assets: Asset[], box: PictureBox, options: Pick<RenderOptions, 'signal' | 'browser'>): Promise<Map<string, Picture>> {
  const svgs = await loadSvgs(assets, book.meta);
  const fonts = await fontSheet(scriptOf(book.meta.language));
  const body = assets
    .map((asset, i) => {
      const svg = svgs.get(asset.url);
      const picture = svg ? toHtml(placeSvg(svg, `p${i}`, '')) : `<img src="/${asset.url}" alt="">`;
      return `<div class="picture" id="p${i}">${picture}</div>`;
    })
    .join('\n');
  const html = `<!DOCTYPE html><html lang="${book.meta.language}"><head><meta charset="utf-8"><style>${fonts.css}
body { margin: 0; background: #fff; }
.picture { display: inline-block; line-height: 0; }
.picture svg text { font-family: "Huibian Hei", sans-serif; }
</style></head><body>${body}</body></html>`;
  const site = {files: new Map([['pictures.html', html]]), links: new Map(assets.map((asset) => [asset.url, asset.path])), mounts: fonts.mounts};
  return withPrintPage(site, options, async (context) => {
    await loadDocument(context, 'pictures.html');
    const out = new Map<string, Picture>();
    for (const [i, asset] of assets.entries()) {
      const element = (await context.page.$(`#p${i} > *`)) as ElementHandle<Element> | null;
      const rect = await element?.boundingBox();
      if (!element || !rect || rect.width < 1 || rect.height < 1) continue;
      const placed = fit(rect, box);
      const scale = Math.max(1, (placed.width * DPI) / 96 / rect.width);
      await context.page.setViewport({width: Math.ceil(rect.width) + 1, height: Math.ceil(rect.height) + 1, deviceScaleFactor: scale});
      const png = await context.guard(element.screenshot({type: 'png', omitBackground: false}));
      const svg = svgs.has(asset.url) && !book.meta.convertedFrom ? svgForEpub(await readFile(asset.path), embedBeside(asset.path))?.svg : undefined;
      out.set(asset.url, svg ? {type: 'svg', data: Buffer.from(svg), fallback: png, ...placed} : {type: 'png', data: png, ...placed});
    }
    return out;
  });
}

/** The box for pictures on a page of `meta`'s size with the templates' margins, in CSS pixels. */
export function pictureBox(textWidthMm: number, pageHeightMm: number): PictureBox {
  return {width: textWidthMm * PX_PER_MM, height: pageHeightMm * 0.45 * PX_PER_MM};
}
