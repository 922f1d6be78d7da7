/**
 * The proof put together from the finished book: its marks laid over each page, as artifacts
 * outside the book's structure; the list of changes before the first page, with page labels
 * and bookmarks of its own and the book's moved on; the proof's data attached.
 */
import {PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFObject} from 'pdf-lib';
import type {Book} from '../model/book.js';
import type {Layout} from '../render/pdf/engine.js';
import {outlineOf} from '../render/pdf/finish.js';
import {type OutlineItem, writeOutline} from '../render/pdf/outline.js';
import {treeEntries} from '../render/pdf/pdf-trees.js';
import {FAST} from '../render/pdf/stitch.js';
import {isTagged, markArtifacts} from '../render/pdf/tagged/artifacts.js';
import {EnvironmentError} from '../report/messages.js';
import {attachProofData, type ProofData} from './proof-data.js';

/** The proof: `book` (the finished PDF) with `marks` over its pages and `list` before them, and how many pages the list took. */
export async function assembleProof(
  book: Book,
  layout: Layout,
  printed: Uint8Array,
  {marks, list}: {marks: Uint8Array; list?: Uint8Array},
  data: ProofData,
): Promise<{pdf: Uint8Array; listPages: number}> {
  const doc = await PDFDocument.load(printed, FAST);
  const over = await PDFDocument.load(marks, FAST);
  if (over.getPageCount() !== doc.getPageCount()) {
    throw new EnvironmentError(`校样标记有 ${over.getPageCount()} 页，书有 ${doc.getPageCount()} 页，未写出校样。请报告此问题`);
  }
  const stamps = await doc.embedPages(over.getPages());
  for (const [i, page] of doc.getPages().entries()) page.drawPage(stamps[i]!, {x: 0, y: 0});
  let before = 0;
  if (list) {
    const listDoc = await PDFDocument.load(list, FAST);
    const pages = await doc.copyPages(listDoc, listDoc.getPageIndices());
    for (const [i, page] of pages.entries()) doc.insertPage(i, page);
    before = pages.length;
    prependPageLabels(doc, before);
    const moved = (items: OutlineItem[]): OutlineItem[] => items.map((item) => ({...item, page: item.page + before, children: moved(item.children)}));
    writeOutline(doc, [{title: '改动清单', page: 0, children: []}, ...moved(outlineOf(book, layout))]);
  }
  // What was laid over the pages, and the list, are outside the book's structure.
  if (isTagged(doc)) markArtifacts(doc);
  await attachProofData(doc, data);
  return {pdf: await doc.save({useObjectStreams: true, objectsPerTick: Number.POSITIVE_INFINITY}), listPages: before};
}

/** The list's pages labelled 改动清单 1, 2 …; the book's labels start that many pages later. */
function prependPageLabels(doc: PDFDocument, count: number): void {
  const {context} = doc;
  const nums: PDFObject[] = [PDFNumber.of(0), context.obj({S: 'D', P: PDFHexString.fromText('改动清单 ')})];
  for (const [key, value] of treeEntries(doc.catalog.lookup(PDFName.of('PageLabels')), 'Nums')) {
    if (key instanceof PDFNumber) nums.push(PDFNumber.of(key.asNumber() + count), value);
  }
  doc.catalog.set(PDFName.of('PageLabels'), context.obj({Nums: nums}));
}
