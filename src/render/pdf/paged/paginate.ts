/**
 * Code that runs inside the print page of the Paged.js engine. Each function is handed to
 * `page.evaluate`, so it may use nothing from outside its own body.
 */
import type {Layout} from '../engine.js';

/** A Paged.js layout, with the Han characters counted before and after (Paged.js can drop or repeat content). */
export interface PagedLayout extends Layout {
  hanBefore: number;
  hanAfter: number;
  /** Articles whose count changed: id, Han characters in the manuscript's HTML, on the pages. */
  changed: Array<{id: string; before: number; after: number}>;
  /** 0-based indices of the pages that print nothing (Paged.js's blanks before a recto, and the unnamed empty pages it also makes): no running head, no folio. */
  blanks: number[];
}

/**
 * Paginate with Paged.js, reporting each laid-out page through `window.huibianProgress`, and
 * read back where every anchored part and article, and every index mark, landed.
 */
export async function paginateInPage(): Promise<PagedLayout> {
  type PagedApi = {
    Handler: new (...args: unknown[]) => object;
    Previewer: new () => {preview(): Promise<unknown>};
    registerHandlers(...handlers: unknown[]): void;
  };
  const w = window as unknown as {Paged: PagedApi; huibianProgress(n: number): void};
  const hanCount = (text: string) => (text.match(/\p{Script=Han}/gu) ?? []).length;

  const hanBefore = hanCount(document.body.textContent ?? '');
  // Each article and its notes carry the article's id through Paged.js's cloning (it copies
  // attributes to every fragment), so that a loss can be traced to the article it hit.
  const before = new Map<string, number>();
  for (const article of document.querySelectorAll<HTMLElement>('article.article[id]')) {
    before.set(article.id, hanCount(article.textContent ?? ''));
    for (const element of [article, ...article.querySelectorAll<HTMLElement>('.footnote')]) element.dataset.hanOf = article.id;
  }

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
  // Paged.js turns `counter-reset: page N` on an element into a reset on its page. Chromium
  // scopes such a reset to that page alone, so the next page's folio jumps back to the
  // physical count: `counter-set` changes the one page counter instead.
  // Chinese books number notes anew on every page (①②…): the note counters are reset per
  // page here, after layout; an `@page` counter-reset would displace Paged.js's page resets.
  for (const page of pages) {
    const reset = /(?:^|\s)page\s+(-?\d+)/.exec(getComputedStyle(page).counterReset);
    page.style.counterReset = 'footnote 0 footnote-marker 0';
    if (reset) page.style.counterSet = `page ${reset[1]}`;
  }
  const pageOf = (element: Element | null) => (element ? pages.indexOf(element.closest('.pagedjs_page')!) : -1);
  const anchors: Record<string, number> = {};
  for (const element of document.querySelectorAll<HTMLElement>('[data-toc-id]')) {
    const id = element.dataset.tocId!;
    if (!(id in anchors)) anchors[id] = pageOf(element);
  }
  // Index marks: the page where the term is printed (a term broken across pages: where it begins).
  for (const element of document.querySelectorAll<HTMLElement>('.pagedjs_page .index-term[id]')) {
    if (!(element.id in anchors)) anchors[element.id] = pageOf(element);
  }
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
  const changed = [...before].map(([id, count]) => ({id, before: count, after: after.get(id) ?? 0})).filter((article) => article.before !== article.after);
  // Paged.js marks only some of its empty pages blank: an article ending on a recto before a
  // part page gets a plain empty page (no named page, so the old margin rules left it bare too).
  const empty = (page: HTMLElement) => {
    const content = page.querySelector('.pagedjs_page_content');
    return !content || ((content.textContent ?? '').trim() === '' && !content.querySelector('img, svg, table, hr'));
  };
  const blanks = pages.flatMap((page, index) => (page.classList.contains('pagedjs_blank_page') || empty(page) ? [index] : []));
  return {pageCount: pages.length, bodyStart: pageOf(document.querySelector('.body-start')), anchors, hanBefore, hanAfter, changed, blanks};
}

/** Write the TOC's folios (anchor id → text) into the laid-out pages. */
export function fillTocInPage(folios: Array<[string, string]>): void {
  for (const [id, text] of folios) {
    for (const cell of document.querySelectorAll(`.toc-link[href="#${id}"] .toc-page`)) cell.textContent = text;
  }
}

/** Where the text area of left and right pages begins (CSS px from the page's left edge), how wide it is (on left pages), and whether it is as wide on right ones. */
export interface PageSides {
  left: number;
  right: number;
  width: number;
  sameWidth: boolean;
}

/** Measure {@link PageSides} with a probe page of each side, classed like the first page (its named page too). */
export function pageSidesInPage(): PageSides {
  const first = document.querySelector<HTMLElement>('.pagedjs_page')!;
  const measure = (side: 'left' | 'right') => {
    const probe = document.createElement('div');
    probe.className = `${first.className.replace(/pagedjs_(left|right)_page/g, '')} pagedjs_${side}_page`;
    probe.style.position = 'absolute';
    const margin = (edge: string) => {
      const ruler = document.createElement('div');
      ruler.style.width = `var(--pagedjs-margin-${edge})`;
      probe.append(ruler);
      return ruler.getBoundingClientRect().width;
    };
    first.parentElement!.append(probe);
    const measured = {start: margin('left'), end: margin('right')};
    probe.remove();
    return measured;
  };
  const left = measure('left');
  const right = measure('right');
  const width = first.getBoundingClientRect().width - left.start - left.end;
  return {left: left.start, right: right.start, width, sameWidth: Math.abs(left.start + left.end - right.start - right.end) < 0.5};
}
