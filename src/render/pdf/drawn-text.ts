/**
 * The text each page of a Chromium print draws, read from its content streams through each
 * font's ToUnicode map (PDF 32000-1 §9.10.3), the forms it draws included: for the fonts
 * Chromium writes (Type0, Identity-H, a ToUnicode CMap), what pdf.js reads, in a fraction of
 * the time (a vertical book of 406 pages: 0.3 s against 3 s). Text in a font without a
 * ToUnicode map is not read: a check that finds text missing asks pdf.js again
 * (text-check.ts).
 */
import {PDFArray, type PDFDocument, PDFDict, PDFName, PDFStream} from 'pdf-lib';
import {operationsOf} from './tagged/content-operations.js';
import {streamBytes} from './stream-bytes.js';

/** Forms drawn in forms drawn in pages: deeper than this is not read. */
const MAX_DEPTH = 8;

/** The text of the first `count` pages of `doc`, one string per page, in the order drawn. */
export function drawnTexts(doc: PDFDocument, count = Number.POSITIVE_INFINITY): string[] {
  const maps = new Map<PDFDict, ToUnicode | undefined>();
  const mapOf = (font: PDFDict) => {
    if (!maps.has(font)) maps.set(font, toUnicodeOf(font));
    return maps.get(font);
  };
  return doc
    .getPages()
    .slice(0, count)
    .map((page) => {
      const out: string[] = [];
      const contents = page.node.get(PDFName.of('Contents'));
      const streams = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
      const bytes = streams.map((ref) => streamBytes(doc.context.lookup(ref))).filter((b): b is Uint8Array => b !== undefined);
      const resources = page.node.Resources();
      // A page's content may be split into streams at any operator: read as one.
      if (resources) readContent(concat(bytes), resources, mapOf, out, 0);
      return out.join('');
    });
}

/** A font's code → text, and how many bytes a code takes. */
interface ToUnicode {
  map: Map<number, string>;
  width: 1 | 2;
}

function readContent(bytes: Uint8Array, resources: PDFDict, mapOf: (font: PDFDict) => ToUnicode | undefined, out: string[], depth: number): void {
  const fonts = resources.lookupMaybe(PDFName.of('Font'), PDFDict);
  const forms = resources.lookupMaybe(PDFName.of('XObject'), PDFDict);
  let font: ToUnicode | undefined;
  for (const {operator, start, end} of operationsOf(bytes)) {
    if (operator === 'Tf') {
      const name = nameIn(bytes, start, end);
      const dict = name ? fonts?.lookupMaybe(PDFName.of(name), PDFDict) : undefined;
      font = dict ? mapOf(dict) : undefined;
    } else if (operator === 'Tj' || operator === 'TJ' || operator === "'" || operator === '"') {
      if (font) out.push(textIn(bytes, start, end, font));
    } else if (operator === 'Do' && depth < MAX_DEPTH) {
      const name = nameIn(bytes, start, end);
      const form = name ? forms?.lookup(PDFName.of(name)) : undefined;
      if (form instanceof PDFStream && form.dict.get(PDFName.of('Subtype')) === PDFName.of('Form')) {
        const content = streamBytes(form);
        const own = form.dict.lookupMaybe(PDFName.of('Resources'), PDFDict) ?? resources;
        if (content) readContent(content, own, mapOf, out, depth + 1);
      }
    }
  }
}

/** The first name operand (`/F9` → `F9`) between `start` and `end`. */
function nameIn(bytes: Uint8Array, start: number, end: number): string | undefined {
  const slash = bytes.indexOf(0x2f, start);
  if (slash < 0 || slash >= end) return undefined;
  let i = slash + 1;
  while (i < end && bytes[i]! > 0x20 && bytes[i] !== 0x2f && bytes[i] !== 0x5b && bytes[i] !== 0x28 && bytes[i] !== 0x3c) i++;
  return String.fromCharCode(...bytes.subarray(slash + 1, i));
}

/** The text of the strings among an operation's operands in `font`: `<hex>` and `(literal)` (escapes read). */
function textIn(bytes: Uint8Array, start: number, end: number, font: ToUnicode): string {
  let text = '';
  const codes: number[] = [];
  for (let i = start; i < end; i++) {
    const byte = bytes[i];
    if (byte === 0x3c && bytes[i + 1] !== 0x3c) {
      // Digits two by two, white space between them allowed.
      let high = -1;
      for (i++; i < end && bytes[i] !== 0x3e; i++) {
        const digit = HEX[bytes[i]!]!;
        if (digit < 0) continue;
        if (high < 0) high = digit;
        else {
          codes.push((high << 4) | digit);
          high = -1;
        }
      }
      if (high >= 0) codes.push(high << 4);
    } else if (byte === 0x28) {
      let depth = 1;
      for (i++; i < end; i++) {
        const c = bytes[i]!;
        if (c === 0x5c) {
          const next = bytes[++i]!;
          if (next >= 0x30 && next <= 0x37) {
            let octal = next - 0x30;
            for (let k = 0; k < 2 && bytes[i + 1]! >= 0x30 && bytes[i + 1]! <= 0x37; k++) octal = octal * 8 + (bytes[++i]! - 0x30);
            codes.push(octal & 0xff);
          } else if (next !== 0x0a && next !== 0x0d) codes.push(ESCAPES[next] ?? next);
        } else if (c === 0x28) {
          depth++;
          codes.push(c);
        } else if (c === 0x29 && --depth === 0) break;
        else codes.push(c);
      }
    } else continue;
    for (let k = 0; k + font.width <= codes.length; k += font.width) {
      text += font.map.get(font.width === 2 ? (codes[k]! << 8) | codes[k + 1]! : codes[k]!) ?? '';
    }
    codes.length = 0;
  }
  return text;
}

const ESCAPES: Record<number, number> = {110: 0x0a, 114: 0x0d, 116: 0x09, 98: 0x08, 102: 0x0c};

/** Each byte's value as a hexadecimal digit, -1 for other bytes. */
const HEX = Int8Array.from({length: 256}, (_, byte) => {
  const char = String.fromCharCode(byte);
  return /[0-9a-fA-F]/.test(char) ? Number.parseInt(char, 16) : -1;
});

/** A font's ToUnicode CMap read: `bfchar` pairs and `bfrange`s (an offset from a start, or a list). */
function toUnicodeOf(font: PDFDict): ToUnicode | undefined {
  const stream = font.lookup(PDFName.of('ToUnicode'));
  const bytes = stream instanceof PDFStream ? streamBytes(stream) : undefined;
  if (!bytes) return undefined;
  const cmap = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  const map = new Map<number, string>();
  for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, text] of block!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(Number.parseInt(code!, 16), utf16(text!));
  }
  for (const [, block] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low, high, first, list] of block!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:<([0-9a-fA-F]*)>|\[([^\]]*)\])/g)) {
      const from = Number.parseInt(low!, 16);
      const to = Number.parseInt(high!, 16);
      if (list !== undefined) {
        for (const [i, [, text]] of [...list.matchAll(/<([0-9a-fA-F]*)>/g)].entries()) if (from + i <= to) map.set(from + i, utf16(text!));
      } else {
        // The last UTF-16 unit counts up through the range (§9.10.3).
        const base = utf16(first!);
        for (let code = from; code <= to && code - from < 0x10000; code++) {
          map.set(code, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + code - from));
        }
      }
    }
  }
  const widths = cmap.match(/begincodespacerange\s*<([0-9a-fA-F]+)>/);
  return {map, width: widths && widths[1]!.length <= 2 ? 1 : 2};
}

function utf16(hex: string): string {
  let text = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) text += String.fromCharCode(Number.parseInt(hex.slice(i, i + 4), 16));
  return text;
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const all = new Uint8Array(parts.reduce((n, part) => n + part.length + 1, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    all[at + part.length] = 0x0a;
    at += part.length + 1;
  }
  return all;
}
