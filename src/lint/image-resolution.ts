import {textWidthMm} from '../config/schema.js';
import {imagePixels} from '../files/image-files.js';
import path from 'node:path';
import type {VFile} from 'vfile';
import type {Book} from '../model/book.js';
import {error} from '../report/messages.js';

/**
 * Effective resolution of an image printed as wide as it can be: Chromium lays an image out
 * at 96 pixels an inch and shrinks it to the text width, so a narrow image prints at 96 ppi.
 */
function effectivePpi(widthPx: number, textWidthMm: number): number {
  const naturalMm = (widthPx / 96) * 25.4;
  return widthPx / (Math.min(naturalMm, textWidthMm) / 25.4);
}

/**
 * Raster images printed below 300 ppi get a warning, below 150 ppi an error (docs/print.md), at the
 * place the manuscript uses them. SVG drawings are vector and always sharp.
 */
export async function checkImages(book: Book, files: VFile[]): Promise<void> {
  const textWidth = textWidthMm(book.meta.pageSize.width);
  for (const file of files) {
    for (const asset of file.data.assets ?? []) {
      const size = await imagePixels(asset.path);
      if (!size) continue;
      const ppi = Math.round(effectivePpi(size.width, textWidth));
      const name = path.relative(book.dir, asset.path);
      const advice = `（${size.width} 像素宽）：印刷最好 300 ppi，请换一张清晰的原图`;
      if (ppi < 150) error(file, `图片 ${name} 印出来只有 ${ppi} ppi${advice}`, asset.place, 'image-resolution');
      else if (ppi < 300) file.message(`图片 ${name} 印出来只有 ${ppi} ppi${advice}`, {place: asset.place, ruleId: 'image-resolution', source: 'huibian'});
    }
  }
}
