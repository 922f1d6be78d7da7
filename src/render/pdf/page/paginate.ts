/**
 * Paged.js's pagination in the page of the horizontal engine (and of the preview): the pages
 * laid out, where every anchor landed, and the Han characters counted before and after.
 */

/** Where each anchored part, article and index mark landed in a Paged.js layout, with the Han characters counted before and after (Paged.js can drop or repeat content). */
export interface PagedLayout {
  pageCount: number;
  /** 0-based index of the page that holds `.body-start` (-1: none). */
  bodyStart: number;
  /** `data-toc-id` (and index mark ids, `ix-…`) → 0-based page index of its first fragment. */
  anchors: Record<string, number>;
  hanBefore: number;
  hanAfter: number;
  /** Articles whose count changed: id, Han characters in the manuscript's HTML, on the pages. */
  changed: Array<{id: string; before: number; after: number}>;
  /** 0-based indices of the pages that print nothing (Paged.js's blanks before a recto, and the unnamed empty pages it also makes): no running head, no folio. */
  blanks: number[];
}

type PagedApi = {
  Handler: new (...args: unknown[]) => object;
  Previewer: new () => {preview(): Promise<unknown>};
  registerHandlers(...handlers: unknown[]): void;
};

const hanCount = (text: string) => (text.match(/\p{Script=Han}/gu) ?? []).length;

/**
 * Paginate with Paged.js, reporting each laid-out page through `window.huibianProgress`, and
 * read back where every anchored part and article, and every index mark, landed.
 */
export async function paginate(): Promise<PagedLayout> {
  const w = window as unknown as {Paged: PagedApi; huibianProgress(n: number): void};
  const hanBefore = hanCount(document.body.textContent ?? '');
  const before = markArticles();

  class Progress extends w.Paged.Handler {
    afterPageLayout(_element: unknown, page: {position: number}) {
      w.huibianProgress(page.position + 1);
    }
  }
  w.Paged.registerHandlers(Progress);
  // Paged.js parses every stylesheet and puts it back; the font faces need none of that (half a
  // megabyte of @font-face rules, most of a second for each document).
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[href="fonts.css"]')) link.dataset.pagedjsIgnore = '';
  await new w.Paged.Previewer().preview();

  const pages = [...document.querySelectorAll<HTMLElement>('.pagedjs_page')];
  setPageCounters(pages);
  const pageOf = (element: Element | null) => (element ? pages.indexOf(element.closest('.pagedjs_page')!) : -1);
  const {hanAfter, after} = countLaidOut();
  const changed = [...before].map(([id, count]) => ({id, before: count, after: after.get(id) ?? 0})).filter((article) => article.before !== article.after);
  const blanks = pages.flatMap((page, index) => (page.classList.contains('pagedjs_blank_page') || isEmpty(page) ? [index] : []));
  const bodyStart = pageOf(document.querySelector('.body-start'));
  return {pageCount: pages.length, bodyStart, anchors: anchorPages(pageOf), hanBefore, hanAfter, changed, blanks};
}

/**
 * The Han characters of each article before layout. Each article and its notes carry the
 * article's id through Paged.js's cloning (it copies attributes to every fragment), so that a
 * loss can be traced to the article it hit.
 */
function markArticles(): Map<string, number> {
  const before = new Map<string, number>();
  for (const article of document.querySelectorAll<HTMLElement>('article.article[id]')) {
    before.set(article.id, hanCount(article.textContent ?? ''));
    for (const element of [article, ...article.querySelectorAll<HTMLElement>('.footnote')]) element.dataset.hanOf = article.id;
  }
  return before;
}

/**
 * Paged.js turns `counter-reset: page N` on an element into a reset on its page. Chromium
 * scopes such a reset to that page alone, so the next page's folio jumps back to the
 * physical count: `counter-set` changes the one page counter instead.
 * Chinese books number notes anew on every page (①②…): the note counters are reset per
 * page here, after layout; an `@page` counter-reset would displace Paged.js's page resets.
 */
function setPageCounters(pages: HTMLElement[]): void {
  for (const page of pages) {
    const reset = /(?:^|\s)page\s+(-?\d+)/.exec(getComputedStyle(page).counterReset);
    page.style.counterReset = 'footnote 0 footnote-marker 0';
    if (reset) page.style.counterSet = `page ${reset[1]}`;
  }
}

/** The page of each anchored part and article, and of each index mark (a term broken across pages: where it begins). */
function anchorPages(pageOf: (element: Element | null) => number): Record<string, number> {
  const anchors: Record<string, number> = {};
  for (const element of document.querySelectorAll<HTMLElement>('[data-toc-id]')) {
    const id = element.dataset.tocId!;
    if (!(id in anchors)) anchors[id] = pageOf(element);
  }
  for (const element of document.querySelectorAll<HTMLElement>('.pagedjs_page .index-term[id]')) {
    if (!(element.id in anchors)) anchors[element.id] = pageOf(element);
  }
  return anchors;
}

/** The Han characters on the laid-out pages, in all and per article. */
function countLaidOut(): {hanAfter: number; after: Map<string, number>} {
  let hanAfter = 0;
  const after = new Map<string, number>();
  for (const area of document.querySelectorAll('.pagedjs_page_content, .pagedjs_footnote_content')) {
    hanAfter += hanCount(area.textContent ?? '');
    for (const element of area.querySelectorAll<HTMLElement>('[data-han-of]')) {
      // A note still inside its article's fragment is counted with the fragment.
      if (element.parentElement?.closest('[data-han-of]')) continue;
      const id = element.dataset.hanOf!;
      after.set(id, (after.get(id) ?? 0) + hanCount(element.textContent ?? ''));
    }
  }
  return {hanAfter, after};
}

/**
 * Paged.js marks only some of its empty pages blank: an article ending on a recto before a
 * part page gets a plain empty page (no named page, so the old margin rules left it bare too).
 */
function isEmpty(page: HTMLElement): boolean {
  const content = page.querySelector('.pagedjs_page_content');
  return !content || ((content.textContent ?? '').trim() === '' && !content.querySelector('img, svg, table, hr'));
}

/** Write the TOC's folios (anchor id → text) into the laid-out pages. */
export function fillToc(folios: Array<[string, string]>): void {
  for (const [id, text] of folios) {
    for (const cell of document.querySelectorAll(`.toc-link[href="#${id}"] .toc-page`)) cell.textContent = text;
  }
}
