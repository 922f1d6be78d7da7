import {open} from 'node:fs/promises';

/** Pixel size of a PNG or JPEG from its header, or undefined for other files (SVG is vector). */
export async function imagePixels(filePath: string): Promise<{width: number; height: number} | undefined> {
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
export function effectivePpi(widthPx: number, textWidthMm: number): number {
  const naturalMm = (widthPx / 96) * 25.4;
  return widthPx / (Math.min(naturalMm, textWidthMm) / 25.4);
}
