import {type PDFArray, type PDFDocument, PDFName, PDFNumber, ReadingDirection} from 'pdf-lib';
import {type ApparatusName, articlesOf, type Book, type BookMeta} from '../../model/book.js';
import {apparatusId, apparatusTitle} from '../shared/apparatus.js';
import {labelsFor} from '../shared/labels.js';
import {partHeading} from '../shared/pages.js';
import type {Layout} from './engine.js';
import {type OutlineItem, writeOutline} from './outline.js';
import {writingModeOf} from '../shared/writing-mode.js';
import {makeArchival} from './archival.js';
import {isTagged, markArtifacts} from './tagged/artifacts.js';
import {mapRoles} from './tagged/role-map.js';
import {typeMarkedElements} from './tagged/structure-types.js';
import {buildDate} from '../shared/build-date.js';

/** Bookmarks for the book: 目录, generated front matter, front articles, each part with its articles, generated back matter. */
export function outlineOf(book: Book, layout: Layout): OutlineItem[] {
  const at = (id: string) => layout.anchors[id] ?? 0;
  const labels = labelsFor(book.meta.language);
  const generated = (names: ApparatusName[]) =>
    names
      .filter((name) => apparatusId(name) in layout.anchors)
      .map((name) => ({title: apparatusTitle(name, labels), page: at(apparatusId(name)), children: []}));
  const items: OutlineItem[] = [];
  if ('toc' in layout.anchors) items.push({title: labels.contents, page: at('toc'), children: []});
  items.push(...generated(book.apparatus.front));
  for (const article of book.front) items.push({title: article.title, page: at(article.id), children: []});
  for (const part of book.parts) {
    items.push({
      title: partHeading(part, labels),
      page: at(part.id),
      children: part.articles.map((a) => ({title: a.title, page: at(a.id), children: []})),
    });
  }
  items.push(...generated(book.apparatus.back));
  return items;
}

/**
 * What Chromium leaves out of a PDF, added with pdf-lib: document information, language,
 * bookmarks, page labels (front matter in roman numerals, the body from 1), and with
 * `archival` what PDF/A-2 asks for.
 */
export async function finishPdf(
  doc: PDFDocument,
  book: Book,
  layout: Layout,
  {producer, archival = false, now = buildDate()}: {producer: string; archival?: boolean; now?: Date},
): Promise<Uint8Array> {
  const {meta} = book;
  const info = {
    title: meta.title,
    author: meta.author,
    subject: [meta.subtitle, meta.year].filter(Boolean).join(' ') || meta.title,
    keywords: [...book.parts.map((p) => p.title), ...new Set(articlesOf(book).flatMap((a) => a.tags))],
    producer,
    now,
  };
  describeDocument(doc, meta, info);
  // A tagged print: its types are PDF 1.7's (and those Chromium cannot write), what is outside its structure is an artifact.
  if (isTagged(doc)) {
    mapRoles(doc);
    typeMarkedElements(doc);
    markArtifacts(doc);
  }
  setPageLabels(doc, layout.bodyStart);
  const outline = outlineOf(book, layout);
  writeOutline(doc, outline);
  if (archival) await makeArchival(doc, {...info, creator: CREATOR, language: meta.language, date: now});
  return doc.save({useObjectStreams: true, objectsPerTick: Number.POSITIVE_INFINITY});
}

/**
 * The document information every PDF huibian writes carries (the book, an offprint, the cover
 * sheet): title (shown in the viewer's title bar), author, subject, keywords, creator and
 * producer, dates, language, and for vertical books right-to-left reading, so that viewers put
 * page 1 on the left and show spreads the right way round.
 */
export function describeDocument(
  doc: PDFDocument,
  meta: BookMeta,
  info: {title: string; author?: string; subject?: string; keywords?: string[]; producer: string; now: Date},
): void {
  doc.setTitle(info.title, {showInWindowTitleBar: true});
  if (info.author) doc.setAuthor(info.author);
  if (info.subject) doc.setSubject(info.subject);
  if (info.keywords) doc.setKeywords(info.keywords);
  doc.setCreator(CREATOR);
  doc.setProducer(info.producer);
  doc.setCreationDate(info.now);
  doc.setModificationDate(info.now);
  doc.setLanguage(meta.language);
  if (writingModeOf(meta).direction === 'rtl') doc.catalog.getOrCreateViewerPreferences().setReadingDirection(ReadingDirection.R2L);
}

/** Roman numerals before the body, Arabic from the body's first page (PDF 32000 §12.4.2). */
function setPageLabels(doc: PDFDocument, bodyStart: number): void {
  const {context} = doc;
  const nums: PDFArray = context.obj([]);
  if (bodyStart > 0) {
    nums.push(PDFNumber.of(0));
    nums.push(context.obj({S: 'r'}));
  }
  nums.push(PDFNumber.of(Math.max(bodyStart, 0)));
  nums.push(context.obj({S: 'D', St: 1}));
  doc.catalog.set(PDFName.of('PageLabels'), context.obj({Nums: nums}));
}

const CREATOR = 'huibian';
