/**
 * Named destinations in Chromium's PDFs: where the links of a document point. Chromium writes
 * an internal link (`<a href="#id">`) as a /Link annotation whose /Dest names the element.
 */
import {PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument, type PDFObject} from 'pdf-lib';
import {treeEntries} from './pdf-trees.js';

/** The document's named destinations: the catalog's /Dests dictionary and its /Names /Dests tree. */
function namedDestinations(doc: PDFDocument): Map<string, PDFObject> {
  const found = new Map<string, PDFObject>();
  const old = doc.catalog.lookup(PDFName.of('Dests'));
  if (old instanceof PDFDict) for (const [key, value] of old.entries()) found.set(key.decodeText(), doc.context.lookup(value) ?? value);
  const names = doc.catalog.lookup(PDFName.of('Names'));
  for (const [name, value] of treeEntries(names instanceof PDFDict ? names.lookup(PDFName.of('Dests')) : undefined, 'Names')) {
    const key = destinationName(name);
    if (key !== undefined) found.set(key, value);
  }
  return found;
}

/** A /Dest given by name (a name or a string), as text. */
function destinationName(value: PDFObject | undefined): string | undefined {
  if (value instanceof PDFName) return value.decodeText();
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return undefined;
}

/** Each link on the document's pages that names its destination, with the page it is on. */
export function namedLinks(doc: PDFDocument): Array<{page: number; name: string; annotation: PDFDict}> {
  const links: Array<{page: number; name: string; annotation: PDFDict}> = [];
  doc.getPages().forEach((page, index) => {
    const annotations = page.node.lookup(PDFName.of('Annots'));
    if (!(annotations instanceof PDFArray)) return;
    for (const ref of annotations.asArray()) {
      const annotation = doc.context.lookup(ref);
      if (!(annotation instanceof PDFDict)) continue;
      const name = destinationName(annotation.lookup(PDFName.of('Dest')));
      if (name !== undefined) links.push({page: index, name, annotation});
    }
  });
  return links;
}

/** Where each named destination points: the page's index and the destination array. */
export function destinationPages(doc: PDFDocument): Map<string, {page: number; array: PDFArray}> {
  const pages = new Map(doc.getPages().map((page, index) => [page.ref.toString(), index]));
  const found = new Map<string, {page: number; array: PDFArray}>();
  for (const [name, value] of namedDestinations(doc)) {
    const array = value instanceof PDFDict ? value.lookup(PDFName.of('D')) : value;
    if (!(array instanceof PDFArray) || array.size() === 0) continue;
    const page = pages.get(array.get(0).toString());
    if (page !== undefined) found.set(name, {page, array});
  }
  return found;
}

/**
 * Point the links on `target`'s pages at explicit destinations where they name one of the
 * `sources`' destinations: pdf-lib copies pages without the name tree their links point into,
 * which would leave every note call pointing nowhere. `placed(i)` is where a source's page
 * `i` went in `target`.
 */
export function resolveNamedLinks(target: PDFDocument, sources: Array<{doc: PDFDocument; placed(index: number): number}>): void {
  const destinations = new Map<string, PDFObject[]>();
  for (const {doc, placed} of sources) {
    for (const [name, {page, array}] of destinationPages(doc)) destinations.set(name, [target.getPage(placed(page)).ref, ...array.asArray().slice(1)]);
  }
  for (const {name, annotation} of namedLinks(target)) {
    const destination = destinations.get(name);
    if (destination) annotation.set(PDFName.of('Dest'), target.context.obj(destination));
  }
}
