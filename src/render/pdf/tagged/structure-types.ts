/**
 * Structure types Chromium cannot write, from the marks the print document set
 * (render/shared/structure-marks.ts): the table of contents as TOC with a TOCI per entry (its
 * lists and items), a note as Note (a list of notes as a group), the index as Index.
 */
import {PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, type PDFObject, PDFString} from 'pdf-lib';

const TYPE = PDFName.of('S');
const LANG = PDFName.of('Lang');
const KIDS = PDFName.of('K');
const MARKED = /-x-(toc|note|index)$/;
const TYPES: Record<string, string> = {toc: 'TOC', note: 'Note', index: 'Index'};

/** Type the marked elements of `doc`'s structure tree; how many were marked. */
export function typeMarkedElements(doc: PDFDocument): number {
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'));
  if (!(root instanceof PDFDict)) return 0;
  let marked = 0;
  const visit = (element: PDFDict, inToc: boolean) => {
    let toc = inToc;
    const lang = element.lookup(LANG);
    const mark = lang instanceof PDFString || lang instanceof PDFHexString ? MARKED.exec(lang.decodeText())?.[1] : undefined;
    if (mark) {
      element.set(TYPE, PDFName.of(TYPES[mark]!));
      // The mark was the only difference from the parent's language.
      element.delete(LANG);
      toc = mark === 'toc';
      marked++;
    } else if (toc) {
      const type = element.lookup(TYPE);
      if (type === PDFName.of('L')) element.set(TYPE, PDFName.of('TOC'));
      else if (type === PDFName.of('LI')) element.set(TYPE, PDFName.of('TOCI'));
    }
    const kids = elementKids(doc, element);
    for (const kid of kids) visit(kid, toc);
    // A list whose items were all notes (a page's notes) holds no list items now: a group.
    if (element.lookup(TYPE) === PDFName.of('L') && kids.length > 0 && kids.every((kid) => kid.lookup(TYPE) === PDFName.of('Note'))) {
      element.set(TYPE, PDFName.of('Div'));
    }
  };
  for (const kid of elementKids(doc, root)) visit(kid, false);
  return marked;
}

/** The structure elements among an element's kids: those with a type (marked content and object references have none). */
function elementKids(doc: PDFDocument, element: PDFDict): PDFDict[] {
  const kids = element.get(KIDS);
  const list: PDFObject[] = kids instanceof PDFArray ? kids.asArray() : kids === undefined ? [] : [kids];
  return list.map((kid) => doc.context.lookup(kid)).filter((kid): kid is PDFDict => kid instanceof PDFDict && kid.has(TYPE));
}
