import {PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFRef, PDFString} from 'pdf-lib';

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
 * The pages on which sections open, from Chromium's bookmarks: `headings` lists, in document
 * order, every heading Chromium makes a bookmark of, with the id of the section it opens (or
 * null for headings inside an article). Bookmarks are matched to headings by their order,
 * never by their text: Chromium writes titles as it sets them (upright runs left out, vertical
 * quotes, normalized punctuation), so a title like `85. MC` would not be found again.
 * Returns undefined when the counts differ (the outline cannot be trusted then).
 */
export function headingPages(entries: OutlineEntry[], headings: Array<string | null>): Map<string, number> | undefined {
  if (entries.length !== headings.length) return undefined;
  const found = new Map<string, number>();
  headings.forEach((id, i) => {
    if (id !== null && !found.has(id)) found.set(id, entries[i]!.page);
  });
  return found;
}
