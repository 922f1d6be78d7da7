/**
 * Corrections to Paged.js 0.4.3's own styles, loaded after the template so users need not
 * know about them.
 *
 * Paged.js marks the deepest element it splits across pages with
 * `data-align-last-split-element` and justifies its last line. The value is inherited: on a
 * `<section>` or a list item split between two of its blocks, every paragraph inside would
 * have its last line stretched letter by letter. Keep it on the split element's own lines.
 */
export const PAGED_FIXES = `
.pagedjs_page [data-align-last-split-element] { text-align-last: auto; }
.pagedjs_page [data-align-last-split-element="justify"] { text-align-last: justify; }
.pagedjs_page [data-align-last-split-element] * { text-align-last: auto; }
`;
