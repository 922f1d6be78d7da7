/**
 * Code that runs inside the browser page. Each function is handed to `page.evaluate`, so it
 * may use nothing from outside its own body.
 */

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
 * Shrink each table wider than the text area (`limit` px) with CSS `zoom`, down to `minZoom`,
 * measured in a probe as wide as that area: Chromium and Paged.js clip what passes the page's edge, and a
 * table's columns cannot get narrower than their longest unbreakable content. Returns how many
 * tables were shrunk and how many are still too wide.
 */
export function fitWideTablesInPage({limit, minZoom}: {limit: number; minZoom: number}): {shrunk: number; tooWide: number} {
  const probe = document.createElement('div');
  probe.style.cssText = `position:absolute;top:0;left:0;writing-mode:horizontal-tb;visibility:hidden;width:${limit}px`;
  document.body.append(probe);
  let shrunk = 0;
  let tooWide = 0;
  for (const table of [...document.querySelectorAll('table')]) {
    probe.replaceChildren(table.cloneNode(true));
    const width = (probe.firstElementChild as HTMLElement).scrollWidth;
    if (width <= limit + 1) continue;
    const zoom = Math.max(minZoom, Math.floor((limit / width) * 100) / 100);
    table.style.setProperty('zoom', String(zoom));
    shrunk++;
    if (width * zoom > limit + 1) tooWide++;
  }
  probe.remove();
  return {shrunk, tooWide};
}
