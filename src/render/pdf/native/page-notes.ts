/**
 * The check of the vertical notes (page/notes/ sets them on the pages of their calls): every
 * call's link must point to a note on its own page.
 */
import type {PDFDocument} from 'pdf-lib';
import {destinationPages, namedLinks} from '../named-destinations.js';

/**
 * The notes (of `ids`) that did not print on the page of their call, read from the links
 * Chromium writes: each call is a link on the page where it printed, to a named destination
 * on the page where its note printed. A call that printed no link counts as off its page.
 */
export function notesOffTheirPage(doc: PDFDocument, ids: string[]): string[] {
  const destinations = destinationPages(doc);
  const onTheirPage = new Set(
    namedLinks(doc)
      .filter((link) => destinations.get(link.name)?.page === link.page)
      .map((link) => link.name),
  );
  return ids.filter((id) => !onTheirPage.has(id));
}
