/**
 * The structure of pages cut from a tagged PDF (an offprint): every element with content on
 * those pages, holding only that content, under the elements around it, in the order of the
 * book; the parent tree that leads from the cut pages' marked content and links back to it.
 */
import {PDFArray, PDFDict, type PDFDocument, PDFName, PDFNull, PDFNumber, type PDFObject, type PDFObjectCopier, PDFRef} from 'pdf-lib';
import {treeEntries} from '../pdf-trees.js';

const KIDS = PDFName.of('K');
const PAGE = PDFName.of('Pg');
const TYPE = PDFName.of('Type');
const PARENT = PDFName.of('P');

/** What the cut kept: each source page's copy, each source annotation's copy (pdf-lib keeps one PDFRef per object). */
export interface CutPages {
  pages: Map<PDFRef, PDFRef>;
  annotations: Map<PDFRef, PDFRef>;
}

/**
 * Give `target` (pages cut from `source`, as `cut` tells) the part of `source`'s structure tree
 * on those pages. Nothing when `source` is not tagged.
 */
export function cutStructure(source: PDFDocument, target: PDFDocument, cut: CutPages, copier: PDFObjectCopier): void {
  const root = source.catalog.lookup(PDFName.of('StructTreeRoot'));
  if (!(root instanceof PDFDict)) return;
  // Each source element (pdf-lib reads an object once) and its copy.
  const made = new Map<PDFDict, PDFRef>();
  const rootRef = target.context.nextRef();

  /** The element's copy with only what lies on the cut pages (its parent to be set), or undefined if nothing does. */
  const copy = (element: PDFDict, inherited: PDFRef | undefined): PDFRef | undefined => {
    const own = element.get(PAGE);
    const page = own instanceof PDFRef ? own : inherited;
    const placed = page ? cut.pages.get(page) : undefined;
    const children: PDFRef[] = [];
    const kept = kidsOf(element).flatMap((kid): PDFObject[] => {
      if (kid instanceof PDFNumber) return placed ? [kid] : [];
      const dict = source.context.lookup(kid);
      if (!(dict instanceof PDFDict)) return [];
      if (dict.has(PDFName.of('S'))) {
        const child = copy(dict, page);
        if (child) children.push(child);
        return child ? [child] : [];
      }
      const type = dict.get(TYPE);
      if (type === PDFName.of('MCR')) {
        const on = dict.get(PAGE) ?? page;
        const to = on instanceof PDFRef ? cut.pages.get(on) : undefined;
        return to ? [target.context.obj({Type: 'MCR', Pg: to, MCID: dict.get(PDFName.of('MCID'))!})] : [];
      }
      if (type === PDFName.of('OBJR')) {
        const object = dict.get(PDFName.of('Obj'));
        const annotation = object instanceof PDFRef ? cut.annotations.get(object) : undefined;
        return annotation ? [target.context.obj({Type: 'OBJR', Obj: annotation, ...(placed ? {Pg: placed} : {})})] : [];
      }
      return [];
    });
    if (kept.length === 0) return undefined;
    const dict = target.context.obj({});
    for (const [key, value] of element.entries()) {
      if (key !== KIDS && key !== PAGE && key !== PARENT) dict.set(key, copier.copy(value));
    }
    dict.set(KIDS, target.context.obj(kept));
    if (placed) dict.set(PAGE, placed);
    const self = target.context.register(dict);
    for (const child of children) target.context.lookup(child, PDFDict).set(PARENT, self);
    made.set(element, self);
    return self;
  };

  const kids = kidsOf(root).flatMap((kid) => {
    const element = source.context.lookup(kid);
    return element instanceof PDFDict ? (copy(element, undefined) ?? []) : [];
  });
  for (const kid of kids) target.context.lookup(kid, PDFDict).set(PARENT, rootRef);
  // The parent tree anew: a key for each cut page with marked content and each kept link.
  const parents = new Map(treeEntries(root.lookup(PDFName.of('ParentTree')), 'Nums').map(([key, value]) => [numberOf(key), value]));
  const copyOf = (element: PDFObject | undefined) => {
    const dict = element instanceof PDFRef ? source.context.lookup(element) : element;
    return (dict instanceof PDFDict ? made.get(dict) : undefined) ?? PDFNull;
  };
  const nums: PDFObject[] = [];
  const add = (owner: PDFDict, name: 'StructParents' | 'StructParent', entry: PDFObject) => {
    const key = nums.length / 2;
    owner.set(PDFName.of(name), PDFNumber.of(key));
    nums.push(PDFNumber.of(key), entry);
  };
  for (const [from, to] of cut.pages) {
    const entry = parents.get(numberOf(source.context.lookup(from, PDFDict).get(PDFName.of('StructParents'))));
    const page = target.context.lookup(to, PDFDict);
    // Copied with the page, the source's key would point into the new tree at random.
    page.delete(PDFName.of('StructParents'));
    if (entry instanceof PDFArray) add(page, 'StructParents', target.context.obj(entry.asArray().map(copyOf)));
  }
  for (const [from, to] of cut.annotations) {
    const entry = parents.get(numberOf(source.context.lookup(from, PDFDict).get(PDFName.of('StructParent'))));
    if (entry) add(target.context.lookup(to, PDFDict), 'StructParent', copyOf(entry));
  }

  const tree = target.context.obj({Type: 'StructTreeRoot', K: kids, ParentTree: target.context.obj({Nums: nums}), ParentTreeNextKey: nums.length / 2});
  for (const name of ['RoleMap', 'ClassMap']) {
    const value = root.get(PDFName.of(name));
    if (value) tree.set(PDFName.of(name), copier.copy(value));
  }
  target.context.assign(rootRef, tree);
  target.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
  target.catalog.set(PDFName.of('MarkInfo'), target.context.obj({Marked: true}));
}

/** An element's kids as a list (a single kid may stand alone). */
function kidsOf(element: PDFDict): PDFObject[] {
  const kids = element.get(KIDS);
  return kids instanceof PDFArray ? kids.asArray() : kids === undefined ? [] : [kids];
}

const numberOf = (value: PDFObject | undefined) => (value instanceof PDFNumber ? value.asNumber() : undefined);
