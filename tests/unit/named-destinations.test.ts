import {PDFArray, type PDFDict, PDFDocument, PDFName, PDFString} from 'pdf-lib';
import {describe, expect, it} from 'vitest';
import {resolveNamedLinks} from '../../src/render/pdf/named-destinations.js';
import {notesOffTheirPage} from '../../src/render/pdf/native/page-notes.js';

/**
 * A document as Chromium writes one: pages whose links name their destinations, and a name
 * tree (/Names /Dests, with one level of /Kids) that says where each name points.
 */
async function chromiumLike(links: Array<{on: number; to: string}>, destinations: Record<string, number>, pageCount = 3): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pageCount; i++) doc.addPage([420, 595]);
  const names = Object.entries(destinations)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([name, page]) => [PDFString.of(name), doc.context.obj([doc.getPage(page).ref, 'XYZ', 10, 500, 0])]);
  const leaf = doc.context.obj({Names: doc.context.obj(names)});
  doc.catalog.set(PDFName.of('Names'), doc.context.obj({Dests: doc.context.obj({Kids: [doc.context.register(leaf)]})}));
  for (const {on, to} of links) {
    const annotation = doc.context.register(doc.context.obj({Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 10, 10], Dest: PDFName.of(to)}));
    const page = doc.getPage(on).node;
    const existing = page.lookup(PDFName.of('Annots'));
    if (existing instanceof PDFArray) existing.push(annotation);
    else page.set(PDFName.of('Annots'), doc.context.obj([annotation]));
  }
  return doc;
}

describe('notesOffTheirPage', () => {
  it('should name the notes whose call printed on another page than the note, or printed no link', async () => {
    const doc = await chromiumLike(
      [
        {on: 0, to: 'fn-1'},
        {on: 1, to: 'fn-2'},
      ],
      {'fn-1': 0, 'fn-2': 2, 'fn-3': 1},
    );
    expect(notesOffTheirPage(doc, ['fn-1', 'fn-2', 'fn-3'])).toEqual(['fn-2', 'fn-3']);
  });
});

describe('resolveNamedLinks', () => {
  it('should point copied links at the pages where their destinations went', async () => {
    const source = await chromiumLike([{on: 0, to: 'fn-1'}], {'fn-1': 1});
    const target = await PDFDocument.create();
    // A blank page before the copies: source page i lands on target page i + 1.
    target.addPage([420, 595]);
    for (const page of await target.copyPages(source, source.getPageIndices())) target.addPage(page);
    resolveNamedLinks(target, [{doc: source, placed: (index) => index + 1}]);
    const annotation = (target.getPage(1).node.lookup(PDFName.of('Annots')) as PDFArray).lookup(0) as PDFDict;
    const destination = annotation.lookup(PDFName.of('Dest')) as PDFArray;
    expect(destination).toBeInstanceOf(PDFArray);
    expect(destination.get(0)).toBe(target.getPage(2).ref);
    expect(destination.lookup(1)).toBe(PDFName.of('XYZ'));
  });
});
