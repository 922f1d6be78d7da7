/**
 * A page content stream read as operations: each operator with the operands before it, as
 * the bytes they were written in (PDF 32000-1 §7.8.2). Only the syntax is read (strings,
 * names, arrays, dictionaries, inline images), never the values: enough to find where
 * marked content begins and ends and what paints, and to write the stream back unchanged
 * around what is inserted.
 */

/** One operation: `operator` (`Tj`, `BDC`, `BI` for a whole inline image) and its text, operands included. */
export interface Operation {
  operator: string;
  /** Where the operation's first operand (or the operator) begins, and where the operator ends. */
  start: number;
  end: number;
}

// Each byte's class, looked up in a table: a book's pages are tens of megabytes of content.
const WHITE = 1;
const DELIMITER = 2;
const CLASS = new Uint8Array(256);
for (const byte of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[byte] = WHITE;
for (const byte of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) CLASS[byte] = DELIMITER;
const isWhite = (byte: number | undefined) => byte !== undefined && CLASS[byte] === WHITE;

/** Does a token beginning with `byte` stand for a number (an operand, never an operator)? */
const startsNumber = (byte: number) => (byte >= 0x30 && byte <= 0x39) || byte === 0x2b || byte === 0x2d || byte === 0x2e;

/** The operations of `bytes` (a decoded content stream), in order. Throws on a string or inline image left open. */
export function operationsOf(bytes: Uint8Array): Operation[] {
  const operations: Operation[] = [];
  let start = -1;
  let i = 0;
  const operand = (at: number) => {
    if (start < 0) start = at;
  };
  const length = bytes.length;
  while (i < length) {
    const byte = bytes[i]!;
    if (CLASS[byte] === WHITE) i++;
    else if (byte === 0x25 /* % comment */) {
      while (i < length && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
    } else if (byte === 0x28 /* ( */) {
      operand(i);
      i = stringEnd(bytes, i);
    } else if (byte === 0x3c && bytes[i + 1] === 0x3c /* << */) {
      operand(i);
      i += 2;
    } else if (byte === 0x3e && bytes[i + 1] === 0x3e /* >> */) {
      i += 2;
    } else if (byte === 0x3c /* <hex> */) {
      operand(i);
      const close = bytes.indexOf(0x3e, i);
      if (close < 0) throw new Error('内容流中的十六进制字符串没有结束');
      i = close + 1;
    } else if (byte === 0x5b || byte === 0x5d || byte === 0x7b || byte === 0x7d) {
      if (byte === 0x5b || byte === 0x7b) operand(i);
      i++;
    } else if (byte === 0x2f /* /name */) {
      operand(i);
      i++;
      while (i < length && CLASS[bytes[i]!] === 0) i++;
    } else {
      const from = i;
      while (i < length && CLASS[bytes[i]!] === 0) i++;
      if (startsNumber(byte)) {
        operand(from);
        continue;
      }
      const token = String.fromCharCode(...bytes.subarray(from, i));
      if (token === 'true' || token === 'false' || token === 'null') {
        operand(from);
        continue;
      }
      if (token === 'BI') i = inlineImageEnd(bytes, i);
      operations.push({operator: token, start: start < 0 ? from : start, end: i});
      start = -1;
    }
  }
  return operations;
}

/** The index after the literal string that opens at `at` (nested parentheses, backslash escapes). */
function stringEnd(bytes: Uint8Array, at: number): number {
  let depth = 0;
  for (let i = at; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === 0x5c /* \ */) i++;
    else if (byte === 0x28) depth++;
    else if (byte === 0x29 && --depth === 0) return i + 1;
  }
  throw new Error('内容流中的字符串没有结束');
}

/** The index after the `EI` that ends the inline image whose `BI` ends at `at`: `EI` between white space, after `ID`'s data. */
function inlineImageEnd(bytes: Uint8Array, at: number): number {
  for (let i = at; i + 2 < bytes.length + 1; i++) {
    if (bytes[i] === 0x45 && bytes[i + 1] === 0x49 && isWhite(bytes[i - 1]) && (i + 2 === bytes.length || isWhite(bytes[i + 2]))) return i + 2;
  }
  throw new Error('内容流中的内嵌图像没有结束');
}
