/**
 * The horizontal book as one document to print: the pages Paged.js laid out piece by piece
 * (front matter, chunks, back matter) in their order, a blank page where a piece must begin
 * on a recto and would not, the pages of a piece that lands on the other side turned to it,
 * and each page's running head and folio laid in it. Printed once, the PDF has one structure
 * tree, each font once, and its links within itself.
 */
import {h} from 'hastscript';
import rehypeStringify from 'rehype-stringify';
import {unified} from 'unified';

/**
 * Each page's sheet (templates/running-heads.css: a page-sized box holding its running head
 * and folio) lies in its Paged.js page, over it; set here, not in the template a book may
 * replace.
 */
const SHEET_CSS = '.pagedjs_page { position: relative; }\n.pagedjs_page > .sheet { position: absolute; top: 0; left: 0; break-after: auto; }\n';

/** A piece's laid-out pages where they land. */
export interface PlacedPiece {
  /** Each page's markup (a `.pagedjs_page` element), as laid out from a recto. */
  pages: string[];
  /** A blank page goes before it (it must begin on a recto and would not). */
  blankBefore: boolean;
  /** It lands on a verso: its rectos become versos and its versos rectos. */
  mirrored: boolean;
}

export interface BookDocument {
  /** The laid-out document's root attributes (language, writing mode's class). */
  root: Record<string, string>;
  /** Custom properties for the root (where the running heads line up). */
  style?: string;
  /** The stylesheets to link before `styles`, and after them. */
  before: string[];
  after: string[];
  /** Paged.js's styles, as one piece's layout left them in its head (the same for every piece). */
  styles: string;
  pieces: PlacedPiece[];
  /** Each page's running head and folio (markup), one per page of the book. */
  sheets: string[];
  /**
   * The font files the pieces used, fetched while the markup is read: the faces are otherwise
   * asked for only once the document's 3 MB of pages are styled, and the pages laid out again
   * when they arrive (a 789-page book loaded in 6.9 s instead of 12.2).
   */
  preload?: string[];
}

/** The document; fails if the pieces' pages and the sheets do not count the same (a mistake of huibian's). */
export function bookDocument({root, style, before, preload = [], after, styles, pieces, sheets}: BookDocument): string {
  const pages: string[] = [];
  for (const piece of pieces) {
    if (piece.blankBefore) pages.push(blankPage(pages.length));
    for (const page of piece.pages) pages.push(piece.mirrored ? mirrored(page) : page);
  }
  if (pages.length !== sheets.length) throw new Error(`排好的页 ${pages.length} 页，页眉页码 ${sheets.length} 页：两者应相同`);
  const links = (names: string[]) => names.map((href) => h('link', {rel: 'stylesheet', href}));
  // The pages and Paged.js's styles are markup already: laid in as they are.
  const raw = (value: string) => ({type: 'raw' as const, value});
  const tree = h(null, [
    {type: 'doctype'},
    h('html', {...root, style}, [
      h('head', [
        h('meta', {charSet: 'utf-8'}),
        ...preload.map((href) => h('link', {rel: 'preload', as: 'font', type: 'font/woff2', crossOrigin: '', href})),
        ...links(before),
        raw(styles),
        ...links(after),
        h('style', SHEET_CSS),
      ]),
      h('body', [
        h(
          'div.pagedjs_pages',
          pages.map((page, index) => raw(withSheet(numbered(page, index + 1), sheets[index]!))),
        ),
      ]),
    ]),
  ]);
  return unified().use(rehypeStringify, {allowDangerousHtml: true}).stringify(tree);
}

/** The opening tag of a page's markup, and the rest. */
function split(page: string): [string, string] {
  const end = page.indexOf('>') + 1;
  return [page.slice(0, end), page.slice(end)];
}

/** A page laid out as a recto, as a verso, or the other way round: Paged.js gives each side its margins by these classes. */
function mirrored(page: string): string {
  const [tag, rest] = split(page);
  const turned = tag.replace(/\bpagedjs_(left|right)_page\b/g, (_, side: string) => `pagedjs_${side === 'left' ? 'right' : 'left'}_page`);
  return turned + rest;
}

/** The page numbered as the book's page `number` (each piece numbered its own from 1). */
function numbered(page: string, number: number): string {
  const [tag, rest] = split(page);
  return tag.replace(/\bdata-page-number="\d+"/, `data-page-number="${number}"`).replace(/\bid="page-\d+"/, `id="page-${number}"`) + rest;
}

/** The page with its running head and folio laid in, last (over the page's text). */
function withSheet(page: string, sheet: string): string {
  const end = page.lastIndexOf('</div>');
  return `${page.slice(0, end)}${sheet}${page.slice(end)}`;
}

/** An empty page at 0-based `index` in the book: a recto on even indices. */
function blankPage(index: number): string {
  const side = index % 2 === 0 ? 'right' : 'left';
  return `<div class="pagedjs_page pagedjs_${side}_page pagedjs_blank_page"><div class="pagedjs_sheet"></div></div>`;
}
