/**
 * The running heads and folios of a vertical book, printed in the book's own print as pages
 * after its last (native/book-document.ts), laid over the pages they belong to.
 */
import {PDFArray, type PDFDocument, PDFName, PDFRef} from 'pdf-lib';

/**
 * Lay each of the last `count` pages of `doc` over the page `count` places before it, then
 * remove them. Each becomes a form XObject drawn last on its page, with the print's own
 * resources: the book and its sheets share every font. The sheets are outside the structure
 * (hidden from it), so their drawing becomes an artifact when the PDF is finished.
 */
export async function laySheets(doc: PDFDocument, count: number): Promise<void> {
  const total = doc.getPageCount();
  if (count > total / 2) throw new Error(`${total} 页中没有 ${count} 页页眉页码可放`);
  const sheets = doc.getPages().slice(total - count);
  // What goes with the sheets' pages, taken before pdf-lib wraps their content in its shared
  // save and restore streams to copy it into the forms.
  const gone = sheets.flatMap((page) => {
    const contents = page.node.get(PDFName.of('Contents'));
    return [page.ref, ...(contents instanceof PDFArray ? contents.asArray() : [contents])];
  });
  const forms = await doc.embedPages(sheets);
  for (const [i, form] of forms.entries()) {
    doc.getPage(i).drawPage(form, {x: 0, y: 0});
    // pdf-lib writes a form when the document is saved, from its page: now, while the page is there.
    await form.embed();
  }
  for (let index = total - 1; index >= total - count; index--) doc.removePage(index);
  for (const ref of gone) if (ref instanceof PDFRef) doc.context.delete(ref);
  // pdf-lib 1.17.1's removePage leaves its list of pages as it was (getPages() would still
  // return the removed ones); adding a page clears it, removing one does not.
  (doc as unknown as {pageCache: {invalidate(): void}}).pageCache.invalidate();
}
