import {PNG} from 'pngjs';

/** A real grey PNG of the given size, made at test time. */
export function png(width = 40, height = 30): Buffer {
  const image = new PNG({width, height});
  image.data.fill(200);
  return PNG.sync.write(image);
}

/** The smallest structurally complete JPEG huibian accepts: start marker, a JFIF segment, end marker. */
export const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
