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

/**
 * Every heading Chromium's print makes a bookmark of, in document order, each with the
 * `data-toc-id` of the section it opens — the first heading inside that element — or null for
 * the headings within an article. Chromium skips headings whose bookmark title would be empty:
 * those without text, and those whose text is all upright (`text-combine-upright` runs are
 * left out of titles). A section's opening heading must have one, so its upright runs are set
 * sideways instead (a title that is only `12`).
 */
export function outlineHeadingsInPage(): Array<string | null> {
  const titleText = (heading: Element) => {
    const copy = heading.cloneNode(true) as Element;
    for (const run of copy.querySelectorAll('.tcy')) run.remove();
    return (copy.textContent ?? '').trim();
  };
  const found: Array<string | null> = [];
  for (const heading of document.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')) {
    if (heading.getClientRects().length === 0) continue;
    const owner = heading.parentElement?.closest<HTMLElement>('[data-toc-id]');
    const opens = owner && owner.querySelector('h1, h2, h3, h4, h5, h6') === heading ? owner.dataset.tocId! : null;
    if (opens !== null && titleText(heading) === '') for (const run of heading.querySelectorAll('.tcy')) run.classList.remove('tcy');
    if (titleText(heading) !== '') found.push(opens);
  }
  return found;
}
