import {readFile} from 'node:fs/promises';
import {VFile} from 'vfile';
import {error} from '../report/messages.js';

const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false});

/**
 * Read a text file as UTF-8 into a VFile. A missing file or bytes that are not UTF-8 (a GBK
 * file saved by an old editor, say) become a fatal message on the file instead of a crash or
 * mojibake; the caller decides when to stop.
 */
export async function readTextFile(filePath: string): Promise<VFile> {
  const file = new VFile({path: filePath});
  let bytes: Buffer;
  try {
    bytes = await readFile(filePath);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? '找不到此文件' : `无法读取此文件（${code ?? String(cause)}）`;
    error(file, reason, undefined, 'read');
    return file;
  }
  try {
    file.value = utf8.decode(bytes).replace(/\r\n?/g, '\n');
  } catch {
    const place = firstInvalidUtf8(bytes);
    error(file, '此文件不是 UTF-8 编码（可能是 GBK）：请用编辑器另存为 UTF-8 后再构建', place, 'encoding');
  }
  return file;
}

/** Line and column of the first byte that breaks UTF-8, so the message points at it. */
export function firstInvalidUtf8(bytes: Uint8Array): {line: number; column: number} {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >> 5 === 6 ? 2 : b >> 4 === 14 ? 3 : b >> 3 === 30 ? 4 : 0;
    const valid = length > 0 && i + length <= bytes.length && Array.from({length: length - 1}, (_, k) => bytes[i + 1 + k]!).every((c) => c >> 6 === 2);
    if (!valid) {
      const column = new TextDecoder().decode(bytes.subarray(lineStart, i)).length + 1;
      return {line, column};
    }
    if (b === 0x0a) {
      line++;
      lineStart = i + 1;
    }
    i += length;
  }
  return {line, column: 1};
}
