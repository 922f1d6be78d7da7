import {PDFName, PDFString, type PDFDocument} from 'pdf-lib';

/**
 * Carry the document information of a finished PDF over to one made from its pages (imposed
 * sheets, the press PDF): title, author, dates, language; huibian as creator.
 */
export function carryInfo(source: PDFDocument, out: PDFDocument): void {
  out.setTitle(source.getTitle() ?? '');
  const author = source.getAuthor();
  if (author) out.setAuthor(author);
  out.setCreator('huibian');
  out.setProducer('huibian (pdf-lib)');
  const date = source.getModificationDate();
  if (date) {
    out.setCreationDate(date);
    out.setModificationDate(date);
  }
  const lang = source.catalog.lookupMaybe(PDFName.of('Lang'), PDFString);
  if (lang) out.setLanguage(lang.decodeText());
}
