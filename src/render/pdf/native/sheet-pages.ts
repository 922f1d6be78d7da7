/**
 * The running heads and folios of a vertical book, printed in the book's own print as pages
 * after its last (native/book-document.ts), laid over the pages they belong to.
 */
import {PDFArray, type PDFDocument, PDFName, PDFRef} from 'pdf-lib';

/**
 * Lay each of the last `count` pages of `doc` over the page `count` places before it, then
 * remove them. Each becomes a form XObject drawn last on its page, with the print's own
 * resources: the book and its sheets share every font. A sheet printed at `zoom` from its
 * page's top right corner is drawn at its size again, from that corner. The sheets are outside
 * the structure (hidden from it), so their drawing becomes an artifact when the PDF is finished.
 */
export async function laySheets(doc: PDFDocument, count: number, zoom = 1): Promise<void> {
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
    const page = doc.getPage(i);
    const {width, height} = page.getSize();
    const scale = 1 / zoom;
    page.drawPage(form, {x: width * (1 - scale), y: height * (1 - scale), xScale: scale, yScale: scale});
    // pdf-lib writes a form when the document is saved, from its page: now, while the page is there.
    await form.embed();
  }
  for (let index = total - 1; index >= total - count; index--) doc.removePage(index);
  for (const ref of gone) if (ref instanceof PDFRef) doc.context.delete(ref);
  // pdf-lib 1.17.1's removePage leaves its list of pages as it was (getPages() would still
  // return the removed ones); adding a page clears it, removing one does not.
  (doc as unknown as {pageCache: {invalidate(): void}}).pageCache.invalidate();
}
