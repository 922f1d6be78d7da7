/**
 * Corrections to Paged.js 0.4.3's own styles, loaded after the template so users need not
 * know about them.
 *
 * Paged.js marks every block it splits across pages with `data-align-last-split-element`
 * and justifies its last line. On a split `<section>` or `<div>` that value is inherited by
 * every paragraph inside, so each paragraph's last line is stretched letter by letter. Keep
 * it only on the text blocks themselves.
 */
export const PAGED_FIXES = `
.pagedjs_page [data-align-last-split-element] { text-align-last: auto; }
.pagedjs_page p[data-align-last-split-element="justify"],
.pagedjs_page li[data-align-last-split-element="justify"],
.pagedjs_page blockquote[data-align-last-split-element="justify"] { text-align-last: justify; }
`;
