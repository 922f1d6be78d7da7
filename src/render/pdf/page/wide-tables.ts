/**
 * Shrink each table wider than the text area (`limit` px) with CSS `zoom`, down to `minZoom`,
 * measured in a probe as wide as that area: Chromium and Paged.js clip what passes the page's edge, and a
 * table's columns cannot get narrower than their longest unbreakable content. Returns how many
 * tables were shrunk and how many are still too wide.
 */
export function fitWideTables({limit, minZoom}: {limit: number; minZoom: number}): {shrunk: number; tooWide: number} {
  const probe = document.createElement('div');
  probe.style.cssText = `position:absolute;top:0;left:0;writing-mode:horizontal-tb;visibility:hidden;width:${limit}px`;
  document.body.append(probe);
  let shrunk = 0;
  let tooWide = 0;
  for (const table of [...document.querySelectorAll<HTMLElement>('table')]) {
    probe.replaceChildren(table.cloneNode(true));
    const clone = probe.firstElementChild as HTMLElement;
    // A vertical book's tables have side margins, which the page must hold too; a table as
    // wide as the text area has a page's width to itself and goes without them.
    const style = getComputedStyle(clone);
    let margins = Number.parseFloat(style.marginLeft) + Number.parseFloat(style.marginRight);
    if (clone.scrollWidth + margins > limit + 1 && margins > 0) {
      table.style.setProperty('margin-left', '0');
      table.style.setProperty('margin-right', '0');
      margins = 0;
    }
    const width = clone.scrollWidth + margins;
    const zoom = width <= limit + 1 ? 1 : Math.max(minZoom, Math.floor((limit / width) * 100) / 100);
    // Never wider than the text area, wherever the document is printed: a horizontal table in
    // a vertical book takes the width of the document's first page, which is the cover's whole
    // width when the front matter comes first (the vertical book's one print).
    table.style.setProperty('max-width', `${limit / zoom - margins}px`);
    if (zoom === 1) continue;
    table.style.setProperty('zoom', String(zoom));
    shrunk++;
    if (width * zoom > limit + 1) tooWide++;
  }
  probe.remove();
  return {shrunk, tooWide};
}
