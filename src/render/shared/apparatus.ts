/**
 * The chronology (大事记) and the index (索引) as HTML, for every writer: the print document
 * gives page numbers, the EPUB and the HTML site article titles that link to the place.
 */
import type {Element, ElementContent} from 'hast';
import {h} from 'hastscript';
import {type ApparatusName, articlesOf, type Book, type IndexEntry} from '../../model/book.js';
import type {Labels} from './labels.js';

/** Where an entry points: the text printed (a page number, an article's title) and the link. */
export interface Locator {
  text: string;
  href: string;
}

/** How a writer points at things: an article's page, and the places of an index entry. */
export interface Locate {
  /** A chronology line's locator (a page number) for an article; none where the writer links the line itself. */
  article(id: string): Locator | undefined;
  /** Href of an article (the chronology line's link). */
  href(id: string): string;
  /** The locators of an index entry: page numbers with ranges joined, or article titles. */
  places(entry: IndexEntry): Locator[];
  /** Between an entry's locators: `，` between page numbers, `；` between titles (which hold commas). */
  separator: string;
}

/** The section of `name` with its heading; `id` is its anchor (the TOC and the outline point at it). */
export function apparatusSection(name: ApparatusName, book: Book, labels: Labels, locate: Locate): Element {
  return name === 'chronology' ? chronologySection(book, labels, locate) : indexSection(book, labels, locate);
}

/** The anchor of a generated section. */
export const apparatusId = (name: ApparatusName) => name;

/** The heading of a generated section, as the TOC, the outline and the running heads name it. */
export const apparatusTitle = (name: ApparatusName, labels: Labels) => (name === 'chronology' ? labels.chronology : labels.index);

function chronologySection(book: Book, labels: Labels, locate: Locate): Element {
  return h('section.apparatus.chronology', {id: apparatusId('chronology'), dataTocId: apparatusId('chronology')}, [
    h('h1.apparatus-heading', {dataRunningHead: labels.chronology}, labels.chronology),
    ...book.apparatus.chronology.map((month) =>
      h('section.chronology-month', [
        h('h2.chronology-heading', labels.made(month.heading)),
        h(
          'ol.chronology-list',
          month.entries.map((entry) => {
            const page = locate.article(entry.target);
            return h('li.chronology-entry', [
              h('a.chronology-link', {href: locate.href(entry.target)}, [
                h('span.chronology-day', entry.day),
                h('span.chronology-text', entry.text),
                ...(page ? [h('span.toc-leader'), h('span.toc-page', page.text)] : []),
              ]),
            ]);
          }),
        ),
      ]),
    ),
  ]);
}

function indexSection(book: Book, labels: Labels, locate: Locate): Element {
  const {index} = book.apparatus;
  return h('section.apparatus.book-index', {id: apparatusId('index'), dataTocId: apparatusId('index')}, [
    h('h1.apparatus-heading', {dataRunningHead: labels.index}, labels.index),
    ...index.map((section) =>
      h(`section.index-section.index-${section.kind}`, [
        // One section needs no heading of its own.
        index.length > 1 ? h('h2.index-section-heading', labels.indexSections[section.kind]) : undefined,
        h(
          'div.index-columns',
          section.groups.map((group) => {
            const entries = group.entries.map((entry) => ({term: entry.term, places: locate.places(entry)}));
            // A letter longer than a column may run on into the next (print.css); the others stay whole.
            return h(`section.index-group${indexLines(entries, locate.separator) > COLUMN_LINES ? '.index-group-long' : ''}`, [
              h('h3.index-letter', labels.made(group.heading)),
              h(
                'ul.index-list',
                entries.map(({term, places}) =>
                  h('li.index-entry', [h('span.index-word', term), h('span.index-places', joinLocators(places, locate.separator))]),
                ),
              ),
            ]);
          }),
        ),
      ]),
    ),
  ]);
}

/**
 * Lines an index column surely holds: an A5 page's column has about 30 at the index's size;
 * fewer on smaller pages, so the count errs short (a letter that would fit may run on).
 */
const COLUMN_LINES = 20;

/** The lines a letter's entries take, about: a line holds some 30 half-width characters (a Han character is two). */
function indexLines(entries: Array<{term: string; places: Locator[]}>, separator: string): number {
  const width = (text: string) => [...text].reduce((sum, char) => sum + (char.charCodeAt(0) > 0xff ? 2 : 1), 0);
  return entries.reduce((lines, {term, places}) => lines + Math.ceil((width(term) + 2 + width(places.map((p) => p.text).join(separator))) / 30), 1);
}

function joinLocators(locators: Locator[], separator: string): ElementContent[] {
  return locators.flatMap((locator, i): ElementContent[] => [
    ...(i > 0 ? [{type: 'text' as const, value: separator}] : []),
    h('a.index-place', {href: locator.href}, locator.text),
  ]);
}

/**
 * Page locators of an index entry: each page once, consecutive pages joined (`12–14`), each
 * linking to the first place on it; `pageOf` gives a target's page number (1-based, as
 * printed), `folio` writes it.
 */
export function pageLocators(entry: IndexEntry, pageOf: (id: string) => number | undefined, folio: (page: number) => string): Locator[] {
  const firstOn = new Map<number, string>();
  for (const {target} of entry.places) {
    const page = pageOf(target);
    if (page !== undefined && !firstOn.has(page)) firstOn.set(page, target);
  }
  const pages = [...firstOn.keys()].sort((a, b) => a - b);
  const locators: Locator[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    const text = j > i ? `${folio(pages[i]!)}–${folio(pages[j]!)}` : folio(pages[i]!);
    locators.push({text, href: `#${firstOn.get(pages[i]!)}`});
    i = j + 1;
  }
  return locators;
}

/**
 * Locators without pages (the EPUB, the HTML page, the preview): a chronology line links to
 * its article; an index entry names each article it occurs in (its running head), linking to
 * the first place there. `href(article, target)` is the link to an article or a place in it.
 */
export function titleLocate(book: Book, href: (article: string, target?: string) => string): Locate {
  const heads = new Map(articlesOf(book).map((article) => [article.id, article.runningHead]));
  return {
    separator: '；',
    article: () => undefined,
    href: (id) => href(id),
    places: (entry) => {
      const first = new Map<string, string>();
      for (const {target, article} of entry.places) if (!first.has(article)) first.set(article, target);
      return [...first].map(([article, target]) => ({text: heads.get(article) ?? article, href: href(article, target === article ? undefined : target)}));
    },
  };
}
