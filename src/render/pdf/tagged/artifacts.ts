/**
 * What a tagged print leaves outside its structure, put where it belongs (PDF 32000-1
 * §14.8.2.2): Chromium writes no marked content for what the page hides from the accessibility
 * tree (the running heads and folios, `aria-hidden`), for borders and rules, nor does pdf-lib
 * for a page laid over another — all artifacts, wrapped in `/Artifact BMC … EMC`. It also
 * leaves unmarked some text of the book: the first run of a line now and then (镇 of
 * 镇党委召开…, measured: 41 runs in the sample), generated numbers (①). Text followed on its
 * page by marked content is the start of that content: it joins the structure element the
 * next marked content belongs to, under a new marked-content id.
 */
import {deflateSync} from 'node:zlib';
import {PDFArray, PDFDict, type PDFDocument, PDFName, PDFNull, PDFNumber, type PDFObject, PDFRef} from 'pdf-lib';
import {streamBytes} from '../stream-bytes.js';
import {treeEntries} from '../pdf-trees.js';
import {type Operation, operationsOf} from './content-operations.js';

/** Operators that paint a path built before them. */
const PATH_PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);
/** Operators that show text. */
const TEXT = new Set(['Tj', 'TJ', "'", '"']);
/** Operators that paint by themselves: an XObject (a form or an image), a shading, an inline image. */
const SELF_PAINT = new Set(['Do', 'sh', 'BI']);
/** Operators that build a path (or make it the clip). */
const PATH_BUILD = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're', 'W', 'W*']);

const encode = (text: string) => new TextEncoder().encode(text);

/** One painting operation outside marked content: its bytes, and for text, the id of the next marked content on the page. */
interface Unit {
  start: number;
  end: number;
  /** The marked-content id of the next marked content on the page (text only; -1 while unknown): the unit joins its element. */
  next?: number;
}

/** What {@link markArtifacts} did: artifacts wrapped, text runs joined to the structure. */
export interface Marked {
  artifacts: number;
  joined: number;
}

/** Whether `doc` has a structure tree. */
export const isTagged = (doc: PDFDocument): boolean => doc.catalog.has(PDFName.of('StructTreeRoot'));

/** Mark every page's unmarked painting: artifacts, or text joined to the structure element after it. */
export function markArtifacts(doc: PDFDocument): Marked {
  const marked: Marked = {artifacts: 0, joined: 0};
  const parents = parentTree(doc);
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'));
    const refs = (contents instanceof PDFArray ? contents.asArray() : [contents]).filter((ref): ref is PDFRef => ref instanceof PDFRef);
    const streams = refs.map((ref) => ({ref, bytes: streamBytes(doc.context.lookup(ref))}));
    const key = page.node.lookup(PDFName.of('StructParents'));
    const entry = key instanceof PDFNumber ? parents?.get(key.asNumber()) : undefined;
    const owners = entry instanceof PDFArray ? entry : undefined;
    // Marked content may run on from one of a page's streams into the next: each is read once,
    // with the depth the one before it ended at; text at a stream's end takes the next id of the
    // streams after it.
    let depth = 0;
    const found = streams.map(({bytes}) => {
      if (!bytes) return undefined;
      const result = unmarkedUnits(bytes, depth);
      depth = result.depth;
      return result;
    });
    const ids = found.map((result) => result?.ids ?? []);
    let nextId = Math.max(-1, ...ids.flat()) + 1;
    streams.forEach(({ref, bytes}, i) => {
      const result = found[i];
      if (!bytes || !result) return;
      const later = ids.slice(i + 1).flat()[0];
      for (const unit of result.units) if (unit.next === -1) unit.next = later;
      if (result.units.length === 0) return;
      const wraps = result.units.map((unit) => {
        const owner = unit.next === undefined ? undefined : owners?.lookup(unit.next);
        if (!(owner instanceof PDFDict) || !owners) {
          marked.artifacts++;
          return {unit, open: '/Artifact BMC\n'};
        }
        const id = nextId++;
        joinStructure(doc, owner, owners, page.ref, id, unit.next!);
        marked.joined++;
        return {unit, open: `/Span <</MCID ${id}>> BDC\n`};
      });
      doc.context.assign(ref, doc.context.stream(deflateSync(wrapped(bytes, wraps)), {Filter: 'FlateDecode'}));
    });
  }
  return marked;
}

/** `bytes` with each unit between its opening (an artifact's or a marked content's) and EMC. */
function wrapped(bytes: Uint8Array, wraps: Array<{unit: Unit; open: string}>): Uint8Array {
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const {unit, open} of wraps) {
    parts.push(bytes.subarray(from, unit.start), encode(open), bytes.subarray(unit.start, unit.end), encode('\nEMC'));
    from = unit.end;
  }
  parts.push(bytes.subarray(from));
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * The painting operations of `bytes` outside marked content (at `depth` 0, the depth the
 * stream begins at): a path with the operators that built it, a text showing (with the id of
 * the marked content after it in the stream; -1 when none follows there), an
 * XObject, a shading, an inline image. One by one, never across a text object's or a graphics
 * state's bounds. Also the marked-content ids the stream uses.
 */
function unmarkedUnits(bytes: Uint8Array, depth: number): {units: Unit[]; ids: number[]; depth: number} {
  const units: Unit[] = [];
  const ids: number[] = [];
  const text = new TextDecoder('latin1');
  let path: Operation | undefined;
  for (const operation of operationsOf(bytes)) {
    const {operator} = operation;
    if (operator === 'BDC') {
      const id = /\/MCID\s+(\d+)/.exec(text.decode(bytes.subarray(operation.start, operation.end)))?.[1];
      if (id !== undefined) {
        ids.push(Number(id));
        // The text runs before it, since the last marked content, are its start.
        for (const unit of units) if (unit.next === -1) unit.next = Number(id);
      }
    }
    if (operator === 'BMC' || operator === 'BDC') depth++;
    else if (operator === 'EMC') depth = Math.max(0, depth - 1);
    if (depth > 0) {
      path = undefined;
      continue;
    }
    if (PATH_BUILD.has(operator)) {
      path ??= operation;
      continue;
    }
    if (PATH_PAINT.has(operator)) units.push({start: path?.start ?? operation.start, end: operation.end});
    else if (TEXT.has(operator)) units.push({start: operation.start, end: operation.end, next: -1});
    else if (SELF_PAINT.has(operator)) units.push({start: operation.start, end: operation.end});
    path = undefined;
  }
  return {units, ids, depth};
}

/**
 * Make marked content `id` on `page` part of `owner`, the structure element of marked
 * content `next`, just before it: in the element's kids and in the page's entry of the
 * parent tree (`owners`, indexed by id).
 */
function joinStructure(doc: PDFDocument, owner: PDFDict, owners: PDFArray, page: PDFRef, id: number, next: number): void {
  while (owners.size() <= id) owners.push(PDFNull);
  owners.set(id, owners.get(next));
  const onPage = owner.get(PDFName.of('Pg')) === page;
  const kid = onPage ? PDFNumber.of(id) : doc.context.obj({Type: 'MCR', Pg: page, MCID: id});
  const isNext = (k: PDFObject | undefined) => {
    const value = k instanceof PDFDict ? k.lookup(PDFName.of('MCID')) : k;
    return value instanceof PDFNumber && value.asNumber() === next;
  };
  const kids = owner.lookup(PDFName.of('K'));
  if (kids instanceof PDFArray) {
    const at = kids.asArray().findIndex((k) => isNext(doc.context.lookup(k) ?? k));
    kids.insert(Math.max(0, at), kid);
  } else owner.set(PDFName.of('K'), doc.context.obj(kids === undefined ? [kid] : [kid, kids]));
}

/** The structure's parent tree as a map from key to value (a page's array of elements by marked-content id). */
function parentTree(doc: PDFDocument): Map<number, PDFArray | PDFDict> | undefined {
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'));
  if (!(root instanceof PDFDict)) return undefined;
  const entries = new Map<number, PDFArray | PDFDict>();
  for (const [key, value] of treeEntries(root.lookup(PDFName.of('ParentTree')), 'Nums')) {
    if (key instanceof PDFNumber && (value instanceof PDFArray || value instanceof PDFDict)) entries.set(key.asNumber(), value);
  }
  return entries;
}
