import {textWidthMm} from '../config/schema.js';
import {open} from 'node:fs/promises';
import path from 'node:path';
import type {VFile} from 'vfile';
import type {Book} from '../model/book.js';
import {error} from '../report/messages.js';

/** Pixel size of a PNG or JPEG from its header, or undefined for other files (SVG is vector). */
async function imagePixels(filePath: string): Promise<{width: number; height: number} | undefined> {
  const handle = await open(filePath, 'r');
  try {
    const {buffer, bytesRead} = await handle.read(Buffer.alloc(256 * 1024), 0, 256 * 1024, 0);
    return pngSize(buffer.subarray(0, bytesRead)) ?? jpegSize(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

function pngSize(bytes: Buffer): {width: number; height: number} | undefined {
  if (bytes.length < 24 || bytes.readUInt32BE(0) !== 0x89504e47 || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return {width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20)};
}

function jpegSize(bytes: Buffer): {width: number; height: number} | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  for (let i = 2; i + 9 < bytes.length; ) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1]!;
    const length = bytes.readUInt16BE(i + 2);
    // Start-of-frame markers carry the size (not DHT C4, JPG C8, DAC CC).
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return {width: bytes.readUInt16BE(i + 7), height: bytes.readUInt16BE(i + 5)};
    }
    i += 2 + length;
  }
  return undefined;
}

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
