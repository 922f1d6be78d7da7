/**
 * Pages cut from a finished PDF into a document of their own, exactly as they print: their
 * content (running heads and folios are part of it), their page labels, the links that stay
 * among them, and the part of the structure tree on them.
 */
import {PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFObjectCopier, type PDFObject, PDFRef} from 'pdf-lib';
import {treeEntries} from '../render/pdf/pdf-trees.js';
import {cutStructure} from '../render/pdf/tagged/cut-structure.js';

const ANNOTS = PDFName.of('Annots');
const DEST = PDFName.of('Dest');
const ACTION = PDFName.of('A');

/**
 * Pages `first`…`last` (0-based, inclusive) of `source` as a new document. A link to a page
 * outside the range is dropped (it would point nowhere, or drag that page in); one to a page
 * inside now points to that page's copy; links to the web stay. The labels continue the
 * source's: a viewer shows the book's folios. `source` is left as it was.
 */
export async function cutPages(source: PDFDocument, first: number, last: number): Promise<PDFDocument> {
  const indices = Array.from({length: last - first + 1}, (_, i) => first + i);
  const pages = source.getPages();
  const target = await PDFDocument.create({updateMetadata: false});
  // A page is copied with everything it references: its links would bring every page they point to.
  const annotations = indices.map((index) => {
    const node = pages[index]!.node;
    const list = node.lookup(ANNOTS);
    node.delete(ANNOTS);
    return list instanceof PDFArray ? list : undefined;
  });
  try {
    for (const page of await target.copyPages(source, indices)) target.addPage(page);
  } finally {
    indices.forEach((index, i) => {
      if (annotations[i]) pages[index]!.node.set(ANNOTS, annotations[i]);
    });
  }
  const placed = new Map(indices.map((index, i) => [pages[index]!.ref, target.getPage(i).ref]));
  const copier = PDFObjectCopier.for(source.context, target.context);
  const copies = new Map<PDFRef, PDFRef>();
  annotations.forEach((list, i) => {
    const kept = (list?.asArray() ?? []).flatMap((item) => {
      const annotation = source.context.lookup(item);
      const copy = annotation instanceof PDFDict ? keptAnnotation(annotation, placed, source, target, copier) : undefined;
      if (copy && item instanceof PDFRef) copies.set(item, copy);
      return copy ?? [];
    });
    if (kept.length > 0) target.getPage(i).node.set(ANNOTS, target.context.obj(kept));
  });
  copyPageLabels(source, target, first, last, copier);
  cutStructure(source, target, {pages: placed, annotations: copies}, copier);
  return target;
}

/**
 * An annotation as the cut document holds it, registered there, or undefined when it is to
 * go: a link within the book whose page was not cut, or whose destination is a name (the
 * cut document has no names; the engines resolve the book's links to pages).
 */
function keptAnnotation(
  annotation: PDFDict,
  placed: Map<PDFRef, PDFRef>,
  source: PDFDocument,
  target: PDFDocument,
  copier: PDFObjectCopier,
): PDFRef | undefined {
  const action = annotation.lookup(ACTION);
  const goTo = action instanceof PDFDict && action.lookup(PDFName.of('S')) === PDFName.of('GoTo');
  const destination = goTo ? action.lookup(PDFName.of('D')) : annotation.lookup(DEST);
  const inBook = goTo || annotation.has(DEST);
  let page: PDFRef | undefined;
  if (inBook) {
    if (!(destination instanceof PDFArray) || destination.size() === 0) return undefined;
    const to = destination.get(0);
    page = to instanceof PDFRef ? placed.get(to) : undefined;
    if (!page) return undefined;
  }
  // A shallow copy without what points back into the book: its page, its popup, its place in the structure tree.
  const bare = annotation.clone(source.context);
  for (const key of ['P', 'Popup', 'Parent', 'StructParent', 'Dest', ...(goTo ? ['A'] : [])]) bare.delete(PDFName.of(key));
  const copy = copier.copy(bare);
  if (page && destination instanceof PDFArray) {
    const view = destination
      .asArray()
      .slice(1)
      .map((value) => copier.copy(source.context.lookup(value) ?? value));
    copy.set(DEST, target.context.obj([page, ...view]));
  }
  return target.context.register(copy);
}

/** One range of page labels (PDF 32000 §12.4.2): the page it starts on and its style, prefix and first number. */
interface LabelRange {
  start: number;
  label: PDFDict;
}

/** The page label ranges of a document, in page order (the number tree read whole). */
function labelRanges(doc: PDFDocument): LabelRange[] {
  const ranges: LabelRange[] = [];
  for (const [start, label] of treeEntries(doc.catalog.lookup(PDFName.of('PageLabels')), 'Nums')) {
    if (start instanceof PDFNumber && label instanceof PDFDict) ranges.push({start: start.asNumber(), label});
  }
  return ranges.sort((a, b) => a.start - b.start);
}

/**
 * Label the pages of `target`, cut from `source`'s `first`…`last`, as `source` labels those:
 * the range that covers `first` starts again there with its number carried on, and each range
 * that begins inside the cut begins there too.
 */
function copyPageLabels(source: PDFDocument, target: PDFDocument, first: number, last: number, copier: PDFObjectCopier): void {
  const ranges = labelRanges(source);
  const nums: PDFObject[] = [];
  ranges.forEach((range, i) => {
    const end = ranges[i + 1]?.start ?? Number.POSITIVE_INFINITY;
    if (end <= first || range.start > last) return;
    const at = Math.max(range.start, first);
    const label = copier.copy(range.label);
    const start = range.label.lookup(PDFName.of('St'));
    label.set(PDFName.of('St'), PDFNumber.of((start instanceof PDFNumber ? start.asNumber() : 1) + (at - range.start)));
    nums.push(PDFNumber.of(at - first), label);
  });
  if (nums.length > 0) target.catalog.set(PDFName.of('PageLabels'), target.context.obj({Nums: nums}));
}
