/**
 * Structure types Chromium writes that PDF 1.7 (and so PDF/A-2 and the readers built on it)
 * does not define, mapped to the standard type each is a kind of (PDF 32000-1 §14.7.3).
 */
import {PDFDict, type PDFDocument, PDFName} from 'pdf-lib';

/** PDF 2.0's inline types (from `<strong>`, `<em>`): spans of text. */
const ROLES: Record<string, string> = {Strong: 'Span', Em: 'Span'};

/** Give the document's structure tree (if it has one) the role map. */
export function mapRoles(doc: PDFDocument): void {
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'));
  if (!(root instanceof PDFDict)) return;
  const existing = root.lookup(PDFName.of('RoleMap'));
  const map = existing instanceof PDFDict ? existing : doc.context.obj({});
  for (const [from, to] of Object.entries(ROLES)) if (!map.has(PDFName.of(from))) map.set(PDFName.of(from), PDFName.of(to));
  root.set(PDFName.of('RoleMap'), map);
}
