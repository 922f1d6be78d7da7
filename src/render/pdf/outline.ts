/** Bookmarks written into a PDF: the book's own (finish.ts), and an offprint's. */
import {type PDFDict, type PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFRef} from 'pdf-lib';

/** One bookmark: a title, the 0-based page it opens, and its children. */
export interface OutlineItem {
  title: string;
  page: number;
  children: OutlineItem[];
}

/**
 * Write `items` as the document's outline (PDF 32000 §12.3.3), each item opening its page
 * (0-based, kept inside the document), items with children shown open; the viewer opens
 * with the bookmarks shown.
 */
export function writeOutline(doc: PDFDocument, items: OutlineItem[]): void {
  if (items.length === 0) return;
  const {context} = doc;
  const pages = doc.getPages();
  // Each level is linked both ways (First/Last, Prev/Next); Count is the open descendants.
  const level = (list: OutlineItem[], parent: PDFRef): {first: PDFRef; last: PDFRef; count: number} => {
    const refs = list.map(() => context.nextRef());
    let count = list.length;
    list.forEach((item, i) => {
      const page = pages[Math.min(Math.max(item.page, 0), pages.length - 1)]!;
      const entry = context.obj({Title: PDFHexString.fromText(item.title), Parent: parent, Dest: [page.ref, 'XYZ', null, null, null]}) as PDFDict;
      if (i > 0) entry.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i + 1 < list.length) entry.set(PDFName.of('Next'), refs[i + 1]!);
      if (item.children.length > 0) {
        const kids = level(item.children, refs[i]!);
        entry.set(PDFName.of('First'), kids.first);
        entry.set(PDFName.of('Last'), kids.last);
        entry.set(PDFName.of('Count'), PDFNumber.of(kids.count));
        count += kids.count;
      }
      context.assign(refs[i]!, entry);
    });
    return {first: refs[0]!, last: refs.at(-1)!, count};
  };
  const root = context.nextRef();
  const top = level(items, root);
  context.assign(root, context.obj({Type: 'Outlines', First: top.first, Last: top.last, Count: top.count}));
  doc.catalog.set(PDFName.of('Outlines'), root);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
