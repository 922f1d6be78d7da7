/**
 * A document Chromium paginates itself (vertical books) as markup, to be printed with the
 * book's other pieces in one document (native/book-document.ts), and that document's own
 * preparation for the print.
 */

/** The laid-out document's root attributes and body. */
export interface LaidOutBody {
  /** The document's root attributes (its language, its writing mode's class). */
  root: Record<string, string>;
  /** The body's markup after the page code set its lines, notes and tables. */
  body: string;
}

/**
 * The body as the page code left it, with an empty page before each section (`data-toc-id`) of `blankBefore`
 * and, with `blankAfter`, after the last. The hidden links standing in for the other pieces
 * go: in one document the ids they repeat would take the links away from their sections.
 */
export function laidOutBody(blankBefore: string[], blankAfter: boolean): LaidOutBody {
  for (const links of document.querySelectorAll('.piece-links')) links.remove();
  const blank = () => {
    const page = document.createElement('div');
    page.className = 'blank-page';
    page.setAttribute('aria-hidden', 'true');
    return page;
  };
  for (const id of blankBefore) {
    const section = document.querySelector(`[data-toc-id="${CSS.escape(id)}"]`);
    if (!section) throw new Error(`no section ${id} to put a blank page before`);
    section.before(blank());
  }
  if (blankAfter) document.body.append(blank());
  return {
    root: Object.fromEntries([...document.documentElement.attributes].map((attribute) => [attribute.name, attribute.value])),
    body: document.body.innerHTML,
  };
}

/**
 * Move the sheets (running heads and folios, one page each after the book's pages) to the top
 * of their pages: they follow the body's own margin, which Chromium prints inside the page's
 * text area and the book's text keeps.
 */
export function liftSheets(): void {
  const sheets = document.querySelector<HTMLElement>('.book-sheets');
  if (!sheets) return;
  sheets.style.marginTop = `${-(sheets.getBoundingClientRect().top + window.scrollY)}px`;
}
