import {fromHtml} from 'hast-util-from-html';
import {selectAll} from 'hast-util-select';
import {toString as textOf} from 'hast-util-to-string';
import {describe, expect, it} from 'vitest';
import {bookDocument, type PlacedPiece} from '../../src/render/pdf/paged/book-document.js';

/** A laid-out page as Paged.js writes it: numbered from 1 in its piece, its side by its place there. */
function page(number: number, text: string): string {
  const side = number % 2 === 1 ? 'right' : 'left';
  return `<div class="pagedjs_page pagedjs_${side}_page" data-page-number="${number}" id="page-${number}"><div class="pagedjs_sheet"><div class="pagedjs_area"><p class="pagedjs_left_page-like">${text}</p></div></div></div>`;
}

const piece = (texts: string[], options: Partial<PlacedPiece> = {}): PlacedPiece => ({
  pages: texts.map((text, i) => page(i + 1, text)),
  blankBefore: false,
  mirrored: false,
  ...options,
});

const sheet = (i: number) => `<div class="sheet" aria-hidden="true"><div class="folio">${i + 1}</div></div>`;

function build(pieces: PlacedPiece[], preload?: string[]) {
  const count = pieces.reduce((n, p) => n + p.pages.length + (p.blankBefore ? 1 : 0), 0);
  const html = bookDocument({
    root: {lang: 'zh-Hans', class: 'mode-horizontal'},
    style: '--text-width: 300px',
    before: ['fonts-book.css'],
    after: ['running-heads.css'],
    styles: '<style data-pagedjs-inserted-styles="true">.pagedjs_page { width: 148mm; }</style>',
    pieces,
    sheets: Array.from({length: count}, (_, i) => sheet(i)),
    ...(preload ? {preload} : {}),
  });
  return {html, tree: fromHtml(html)};
}

describe('the horizontal book as one document', () => {
  it('should put the pieces’ pages in order, a blank page before a piece that must begin on a recto, each page numbered in the book', () => {
    const {tree} = build([piece(['甲', '乙', '丙']), piece(['丁'], {blankBefore: true}), piece(['戊', '己'])]);
    const pages = selectAll('.pagedjs_pages > .pagedjs_page', tree);
    expect(pages.map((p) => textOf(p).replace(/\d+$/, ''))).toEqual(['甲', '乙', '丙', '', '丁', '戊', '己']);
    expect(pages[3]!.properties.className).toEqual(['pagedjs_page', 'pagedjs_left_page', 'pagedjs_blank_page']);
    expect(pages.map((p) => p.properties.dataPageNumber ?? null)).toEqual(['1', '2', '3', null, '5', '6', '7']);
    expect(pages.map((p) => p.properties.id ?? null)).toEqual(['page-1', 'page-2', 'page-3', null, 'page-5', 'page-6', 'page-7']);
  });

  it('should fetch the font files the pieces used before any stylesheet asks for them', () => {
    const {tree} = build([piece(['甲'])], ['fonts/a-1.woff2', 'fonts/b-2.woff2']);
    const head = selectAll('head > link', tree).map((link) => [link.properties.rel, link.properties.as ?? null, link.properties.href]);
    expect(head).toEqual([
      [['preload'], 'font', 'fonts/a-1.woff2'],
      [['preload'], 'font', 'fonts/b-2.woff2'],
      [['stylesheet'], null, 'fonts-book.css'],
      [['stylesheet'], null, 'running-heads.css'],
    ]);
    // Fonts are fetched without credentials: a preload must say so too, or it is not used.
    expect(selectAll('link[rel=preload]', tree).every((link) => link.properties.crossOrigin === '')).toBe(true);
  });

  it('should turn a piece that lands on a verso to it, its pages’ side classes swapped and nothing inside them', () => {
    const {html, tree} = build([piece(['甲']), piece(['乙', '丙'], {mirrored: true})]);
    const pages = selectAll('.pagedjs_pages > .pagedjs_page', tree);
    expect(pages.map((p) => (p.properties.className as string[])[1])).toEqual(['pagedjs_right_page', 'pagedjs_left_page', 'pagedjs_right_page']);
    expect(html.match(/class="pagedjs_left_page-like"/g)).toHaveLength(3);
  });

  it('should lay each page’s running head and folio in it, last, over its text', () => {
    const {tree} = build([piece(['甲', '乙']), piece(['丙'], {blankBefore: true})]);
    const pages = selectAll('.pagedjs_pages > .pagedjs_page', tree);
    expect(
      pages.map((p) => {
        const last = p.children.filter((c) => c.type === 'element').at(-1)!;
        return last.type === 'element' && (last.properties.className as string[]).includes('sheet') ? textOf(last) : 'no sheet';
      }),
    ).toEqual(['1', '2', '3', '4']);
  });

  it('should link the book’s faces before Paged.js’s styles and the running heads’ after, the root as laid out', () => {
    const {html, tree} = build([piece(['甲'])]);
    expect(selectAll('head link', tree).map((l) => l.properties.href)).toEqual(['fonts-book.css', 'running-heads.css']);
    expect(html.indexOf('fonts-book.css')).toBeLessThan(html.indexOf('data-pagedjs-inserted-styles'));
    expect(html.indexOf('data-pagedjs-inserted-styles')).toBeLessThan(html.indexOf('running-heads.css'));
    expect(html).toMatch(/^<!doctype html>\s*<html lang="zh-Hans" class="mode-horizontal" style="--text-width: 300px">/);
  });

  it('should refuse pages and sheets that do not count the same', () => {
    expect(() => bookDocument({root: {}, before: [], after: [], styles: '', pieces: [piece(['甲', '乙'])], sheets: [sheet(0)]})).toThrow(
      /排好的页 2 页，页眉页码 1 页/,
    );
  });
});
