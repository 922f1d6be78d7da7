import {open} from 'node:fs/promises';

/**
 * What huibian reads from an image file without decoding it: whether it is the format its
 * extension says and complete (a file cut off in a copy or a download is the common case),
 * and the pixel size of PNG and JPEG images.
 */

/** The file's first bytes (up to 256 KB: a JPEG's size can follow a large EXIF block), its last (up to 64 KB) and its length, or why it cannot be read. */
async function ends(filePath: string): Promise<{head: Buffer; tail: Buffer; size: number} | string> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(filePath, 'r');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EACCES' ? '没有读取权限' : '无法打开';
  }
  try {
    const {size} = await handle.stat();
    const head = Buffer.alloc(Math.min(size, 256 * 1024));
    const tail = Buffer.alloc(Math.min(size, 64 * 1024));
    await handle.read(head, 0, head.length, 0);
    await handle.read(tail, 0, tail.length, size - tail.length);
    return {head, tail, size};
  } catch {
    return '无法读取';
  } finally {
    await handle.close();
  }
}

/**
 * Why an image file cannot be printed, or undefined when it looks whole: unreadable, empty,
 * another format than `mediaType`, or cut off (a PNG without its IEND chunk, a JPEG without
 * its end marker, a GIF without its trailer, a WebP shorter than its header says).
 */
export async function imageFileProblem(filePath: string, mediaType: string): Promise<string | undefined> {
  const read = await ends(filePath);
  if (typeof read === 'string') return read;
  const {head, tail, size} = read;
  if (size === 0) return '是空文件';
  const text = (from: number, to: number) => head.toString('latin1', from, to);
  switch (mediaType) {
    case 'image/png':
      if (text(0, 8) !== '\x89PNG\r\n\x1a\n') return '不是 PNG 图片';
      return tail.includes('IEND') ? undefined : '不完整（文件被截断）';
    case 'image/jpeg':
      if (head[0] !== 0xff || head[1] !== 0xd8 || head[2] !== 0xff) return '不是 JPEG 图片';
      // The end marker, allowing the padding some cameras append after it.
      return tail.lastIndexOf(Buffer.from([0xff, 0xd9])) >= 0 ? undefined : '不完整（文件被截断）';
    case 'image/gif':
      if (text(0, 6) !== 'GIF87a' && text(0, 6) !== 'GIF89a') return '不是 GIF 图片';
      return tail.includes(0x3b) ? undefined : '不完整（文件被截断）';
    case 'image/webp':
      if (text(0, 4) !== 'RIFF' || text(8, 12) !== 'WEBP') return '不是 WebP 图片';
      return head.readUInt32LE(4) + 8 > size ? '不完整（文件被截断）' : undefined;
    case 'image/svg+xml':
      return /<svg[\s>]/.test(head.toString('utf8')) ? undefined : '不是 SVG 图片';
    default:
      return undefined;
  }
}

/** The pixel size of a PNG, JPEG or GIF image (from its header), or undefined for other formats. */
export async function imagePixels(filePath: string): Promise<{width: number; height: number} | undefined> {
  const read = await ends(filePath);
  if (typeof read === 'string') return undefined;
  return pngSize(read.head) ?? jpegSize(read.head) ?? gifSize(read.head);
}

/** A GIF's logical screen size. */
function gifSize(bytes: Buffer): {width: number; height: number} | undefined {
  if (bytes.length < 10 || bytes.toString('latin1', 0, 3) !== 'GIF') return undefined;
  return {width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8)};
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
