/**
 * A Paged.js layout as markup, to be printed with the book's other pieces in one document
 * (paged/book-document.ts): the styles Paged.js made of the stylesheets, and each page.
 */
import {loadedFaces} from './fonts.js';

export interface LaidOutPages {
  /** The document's root attributes (its language, its writing mode's class). */
  root: Record<string, string>;
  /** The `<style>` elements in the head (Paged.js's own and its rewrite of every stylesheet). */
  styles: string;
  /** Each `.pagedjs_page` element's markup, in order. */
  pages: string[];
  /** The font faces the layout loaded (fonts.ts's keys): the book's print loads the same. */
  faces: string[];
}

export function laidOutPages(): LaidOutPages {
  // The margin boxes print nothing (running heads and folios are laid in later) and the bleed
  // and crop marks neither: taken out, the book's one print lays out and paints less (789
  // pages: 27.6 → 22.1 s).
  for (const box of document.querySelectorAll('.pagedjs_pagebox > :not(.pagedjs_area), .pagedjs_sheet > .pagedjs_bleed')) box.remove();
  // Paged.js's id of every element (a UUID each) serves its layout, not the print: the cache of a
  // 789-page book 11 → 9 MB.
  for (const element of document.querySelectorAll('.pagedjs_pages [data-ref]')) element.removeAttribute('data-ref');
  return {
    root: Object.fromEntries([...document.documentElement.attributes].map((attribute) => [attribute.name, attribute.value])),
    styles: [...document.head.querySelectorAll('style')].map((style) => style.outerHTML).join('\n'),
    pages: [...document.querySelectorAll<HTMLElement>('.pagedjs_pages > .pagedjs_page')].map((page) => page.outerHTML),
    faces: loadedFaces(),
  };
}
