import {PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString} from 'pdf-lib';

/** One bookmark Chromium wrote (`page.pdf({outline: true})`), in document order. */
export interface OutlineEntry {
  title: string;
  /** 0-based page index. */
  page: number;
}

/**
 * The bookmarks of a PDF, depth first in document order. Chromium makes one per heading,
 * pointing at the page where the heading is printed: the cheapest way to learn, after
 * Chromium's own print, on which page each article begins.
 */
export function readOutline(doc: PDFDocument): OutlineEntry[] {
  const pages = doc.getPages().map((page) => page.ref.toString());
  const entries: OutlineEntry[] = [];
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const walk = (start: PDFDict | undefined) => {
    for (let node = start; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = node.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText() ?? '';
      const dest = node.lookupMaybe(PDFName.of('Dest'), PDFArray);
      const target = dest?.get(0);
      if (target instanceof PDFRef) entries.push({title, page: pages.indexOf(target.toString())});
      walk(node.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(root?.lookupMaybe(PDFName.of('First'), PDFDict));
  return entries;
}

/**
 * Find the pages of `expected` headings (id and printed title, in document order) among the
 * bookmarks, matching titles in order and skipping the headings in between (sections).
 * Titles are compared by their Han characters: Chromium leaves some upright runs (5G set
 * with text-combine-upright) out of bookmark titles.
 */
export function headingPages(entries: OutlineEntry[], expected: Array<[string, string]>): Map<string, number> {
  const squash = (text: string) => (text.match(/\p{Script=Han}/gu) ?? []).join('') || text.replace(/\s+/g, '');
  const found = new Map<string, number>();
  let k = 0;
  for (const entry of entries) {
    const next = expected[k];
    if (!next) break;
    if (squash(entry.title) === squash(next[1])) {
      found.set(next[0], entry.page);
      k++;
    }
  }
  return found;
}
