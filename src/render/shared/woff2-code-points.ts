import {brotliDecompressSync} from 'node:zlib';

/**
 * Table tags by their index in a WOFF2 table directory (W3C WOFF2 §5.1, "known table tags");
 * a tag outside the list is written out in four bytes.
 */
// biome-ignore format: a table
const KNOWN_TAGS = [
  'cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca',
  'prep', 'CFF ', 'VORG', 'EBDT', 'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea',
  'vmtx', 'BASE', 'GDEF', 'GPOS', 'GSUB', 'EBSC', 'JSTF', 'MATH', 'CBDT', 'CBLC', 'COLR', 'CPAL',
  'SVG ', 'sbix', 'acnt', 'avar', 'bdat', 'bloc', 'bsln', 'cvar', 'fdsc', 'feat', 'fmtx', 'fvar',
  'gvar', 'hsty', 'just', 'lcar', 'mort', 'morx', 'opbd', 'prop', 'trak', 'Zapf', 'Silf', 'Glat',
  'Gloc', 'Feat', 'Sill',
];

/** A reader of big-endian numbers over bytes, with a cursor. */
class Reader {
  private readonly view: DataView;
  constructor(
    bytes: Uint8Array,
    public at = 0,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u8 = (at = this.at++) => this.view.getUint8(at);
  u16 = (at: number) => this.view.getUint16(at);
  i16 = (at: number) => this.view.getInt16(at);
  u32 = (at: number) => this.view.getUint32(at);
  /** UIntBase128 (WOFF2 §4.1): seven bits a byte, high bit set on all but the last. */
  base128(): number {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const byte = this.u8();
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) return value;
    }
    throw new Error('WOFF2: bad UIntBase128');
  }
}

/**
 * The code points a WOFF2 font maps to a glyph (its `cmap`, formats 4 and 12). The fonts'
 * stylesheets declare `unicode-range`s wider than what their files hold (Noto Serif TC's
 * slices claim 2,191 Han characters they lack, 爲 and 査 among them), and a character a face
 * lacks is set by Chromium in a system font, maybe as Type 3: only the files tell. Node's
 * zlib decompresses the Brotli stream; only the `cmap` table is read (about a millisecond a
 * slice).
 */
export function woff2CodePoints(bytes: Uint8Array): Set<number> {
  const header = new Reader(bytes);
  if (header.u32(0) !== 0x774f4632) throw new Error('not a WOFF2 font');
  const tables = header.u16(12);
  const compressedLength = header.u32(20);
  // The table directory follows the 48-byte header; tables lie one after another in the stream.
  const directory = new Reader(bytes, 48);
  let offset = 0;
  let cmap: {offset: number; length: number} | undefined;
  for (let i = 0; i < tables; i++) {
    const flags = directory.u8();
    const known = flags & 0x3f;
    const tag = known === 0x3f ? String.fromCharCode(...[0, 1, 2, 3].map(() => directory.u8())) : KNOWN_TAGS[known];
    const version = flags >> 6;
    let length = directory.base128();
    // glyf and loca are transformed unless their version is 3; other tables when it is not 0.
    const transformed = tag === 'glyf' || tag === 'loca' ? version !== 3 : version !== 0;
    if (transformed) length = directory.base128();
    if (tag === 'cmap') cmap = {offset, length};
    offset += length;
  }
  if (!cmap) throw new Error('WOFF2: no cmap table');
  const stream = brotliDecompressSync(bytes.subarray(directory.at, directory.at + compressedLength));
  return cmapCodePoints(new Reader(stream.subarray(cmap.offset, cmap.offset + cmap.length)));
}

function cmapCodePoints(table: Reader): Set<number> {
  const points = new Set<number>();
  const subtables = table.u16(2);
  for (let i = 0; i < subtables; i++) {
    const at = table.u32(4 + i * 8 + 4);
    const format = table.u16(at);
    if (format === 4) format4(table, at, points);
    else if (format === 12) format12(table, at, points);
  }
  return points;
}

/** Segments of 16-bit code points, each mapped by a delta or through an array of glyph ids. */
function format4(table: Reader, at: number, points: Set<number>): void {
  const segments = table.u16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const offsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const start = table.u16(starts + s * 2);
    const end = table.u16(ends + s * 2);
    const delta = table.i16(deltas + s * 2);
    const rangeOffset = table.u16(offsets + s * 2);
    for (let point = start; point <= end && point !== 0xffff; point++) {
      let glyph = rangeOffset === 0 ? point + delta : table.u16(offsets + s * 2 + rangeOffset + (point - start) * 2);
      if (rangeOffset !== 0 && glyph !== 0) glyph += delta;
      if ((glyph & 0xffff) !== 0) points.add(point);
    }
  }
}

/** Groups of consecutive code points mapped to consecutive glyphs. */
function format12(table: Reader, at: number, points: Set<number>): void {
  const groups = table.u32(at + 12);
  for (let g = 0; g < groups; g++) {
    const group = at + 16 + g * 12;
    const start = table.u32(group);
    const end = table.u32(group + 4);
    const glyph = table.u32(group + 8);
    for (let point = start; point <= end; point++) if (glyph + point - start !== 0) points.add(point);
  }
}
