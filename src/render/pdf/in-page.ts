/**
 * Code that runs inside the browser page. Each function is handed to `page.evaluate`, so it
 * may use nothing from outside its own body.
 */

/** Where each anchored part and article ended up in the finished PDF. */
export interface Layout {
  pageCount: number;
  /** 0-based index of the page that holds `.body-start` (folio 1). */
  bodyStart: number;
  /** `data-toc-id` → 0-based page index of its first fragment. */
  anchors: Record<string, number>;
}

/** A Paged.js layout, with the Han characters counted before and after (Paged.js can drop or repeat content). */
export interface PagedLayout extends Layout {
  hanBefore: number;
  hanAfter: number;
}

/**
 * Load every font slice the document's text needs, in every face and weight given. Run it
 * before layout: a slice arriving later would change line breaks on pages already cut.
 */
export async function loadFontsInPage(families: Array<[string, number[]]>): Promise<void> {
  const text = document.body.textContent ?? '';
  // Also the marks CSS draws without their being in the text: emphasis dots, digits of folios.
  const sample = [...new Set(`${text}0123456789ivxlcdm目录·…—•●◦○﹅﹆`)].join('');
  await Promise.all(families.flatMap(([family, weights]) => weights.map((weight) => document.fonts.load(`${weight} 12pt "${family}"`, sample))));
  await document.fonts.ready;
}

/**
 * Paginate with Paged.js, reporting each laid-out page through `window.huibianProgress`, and
 * read back where every anchored part and article landed.
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

  class Progress extends w.Paged.Handler {
    afterPageLayout(_element: unknown, page: {position: number}) {
      w.huibianProgress(page.position + 1);
    }
  }
  w.Paged.registerHandlers(Progress);
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
  let hanAfter = 0;
  for (const area of document.querySelectorAll('.pagedjs_page_content, .pagedjs_footnote_content')) {
    hanAfter += hanCount(area.textContent ?? '');
  }
  return {pageCount: pages.length, bodyStart: pageOf(document.querySelector('.body-start')), anchors, hanBefore, hanAfter};
}

/**
 * The text area of a page, in CSS pixels: the page size (book.css) less the margins of the
 * plain `@page` rules (the last that sets each side wins). Measured once per document, for the
 * table fitting below.
 */
export function textAreaInPage(): {width: number; height: number} {
  const rules = [...document.styleSheets]
    .flatMap((sheet) => [...sheet.cssRules])
    .filter((rule): rule is CSSPageRule => rule instanceof CSSPageRule && rule.selectorText === '');
  const margin = (side: 'marginTop' | 'marginRight' | 'marginBottom' | 'marginLeft') =>
    rules
      .map((r) => r.style[side])
      .filter(Boolean)
      .at(-1) || '18mm';
  const probe = document.createElement('div');
  probe.style.cssText =
    'position:absolute;top:0;left:0;visibility:hidden;writing-mode:horizontal-tb;' +
    `width:calc(var(--page-width) - ${margin('marginLeft')} - ${margin('marginRight')});` +
    `height:calc(var(--page-height) - ${margin('marginTop')} - ${margin('marginBottom')})`;
  document.body.append(probe);
  const {width, height} = probe.getBoundingClientRect();
  probe.remove();
  return {width, height};
}

/**
 * Split each horizontal table of a vertical book that is taller than the text area (`height`
 * px) into several tables, each repeating the header. Chromium cannot break a horizontal table
 * inside vertical-rl text across pages: whatever passes the page's foot is cut off.
 * Returns how many tables were split, and how many rows are still too tall for a page.
 */
export function splitTallTablesInPage(height: number): {split: number; tooTall: number} {
  // Keep a margin: a table that just fits makes Chromium add an empty page after it.
  const limit = height * 0.9;

  let split = 0;
  let tooTall = 0;
  for (const table of [...document.querySelectorAll('table')]) {
    if (table.getBoundingClientRect().height <= limit) continue;
    const head = table.tHead;
    const rows = [...table.tBodies].flatMap((body) => [...body.rows]);
    const room = limit - (head?.getBoundingClientRect().height ?? 0) - 4;
    const chunks: HTMLTableRowElement[][] = [[]];
    let used = 0;
    for (const row of rows) {
      const height = row.getBoundingClientRect().height;
      if (height > room) tooTall++;
      if (used + height > room && chunks.at(-1)!.length > 0) {
        chunks.push([]);
        used = 0;
      }
      chunks.at(-1)!.push(row);
      used += height;
    }
    if (chunks.length < 2) continue;
    let previous: HTMLTableElement = table;
    for (const chunk of chunks.slice(1)) {
      const next = table.cloneNode(false) as HTMLTableElement;
      next.removeAttribute('id');
      next.classList.add('table-continued');
      if (head) next.append(head.cloneNode(true));
      const body = document.createElement('tbody');
      body.append(...chunk);
      next.append(body);
      previous.after(next);
      previous = next;
    }
    split++;
  }
  return {split, tooTall};
}

/** Write the TOC's folios (anchor id → text) into the laid-out pages. */
export function fillTocInPage(folios: Array<[string, string]>): void {
  for (const [id, text] of folios) {
    for (const cell of document.querySelectorAll(`.toc-link[href="#${id}"] .toc-page`)) cell.textContent = text;
  }
}

/**
 * Shrink each table wider than the text area (`limit` px) with CSS `zoom`, down to 55 %,
 * measured in a probe as wide as that area: Chromium and Paged.js clip what passes the page's edge, and a
 * table's columns cannot get narrower than their longest unbreakable content. Returns how many
 * tables were shrunk and how many are still too wide.
 */
export function fitWideTablesInPage(limit: number): {shrunk: number; tooWide: number} {
  const probe = document.createElement('div');
  probe.style.cssText = `position:absolute;top:0;left:0;writing-mode:horizontal-tb;visibility:hidden;width:${limit}px`;
  document.body.append(probe);
  let shrunk = 0;
  let tooWide = 0;
  for (const table of [...document.querySelectorAll('table')]) {
    probe.replaceChildren(table.cloneNode(true));
    const width = (probe.firstElementChild as HTMLElement).scrollWidth;
    if (width <= limit + 1) continue;
    const zoom = Math.max(0.55, Math.floor((limit / width) * 100) / 100);
    table.style.setProperty('zoom', String(zoom));
    shrunk++;
    if (width * zoom > limit + 1) tooWide++;
  }
  probe.remove();
  return {shrunk, tooWide};
}

/**
 * Every heading Chromium's print makes a bookmark of, in document order, each with the
 * `data-toc-id` of the section it opens — the first heading inside that element — or null for
 * the headings within an article. Chromium skips headings whose bookmark title would be empty:
 * those without text, and those whose text is all upright (`text-combine-upright` runs are
 * left out of titles). A section's opening heading must have one, so its upright runs are set
 * sideways instead (a title that is only `12`).
 */
export function outlineHeadingsInPage(): Array<string | null> {
  const titleText = (heading: Element) => {
    const copy = heading.cloneNode(true) as Element;
    for (const run of copy.querySelectorAll('.tcy')) run.remove();
    return (copy.textContent ?? '').trim();
  };
  const found: Array<string | null> = [];
  for (const heading of document.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')) {
    if (heading.getClientRects().length === 0) continue;
    const owner = heading.parentElement?.closest<HTMLElement>('[data-toc-id]');
    const opens = owner && owner.querySelector('h1, h2, h3, h4, h5, h6') === heading ? owner.dataset.tocId! : null;
    if (opens !== null && titleText(heading) === '') for (const run of heading.querySelectorAll('.tcy')) run.classList.remove('tcy');
    if (titleText(heading) !== '') found.push(opens);
  }
  return found;
}
