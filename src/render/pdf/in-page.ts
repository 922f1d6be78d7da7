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

/** What {@link cutBlockInPage} is called in the page, once {@link openDocument} has installed it. */
export type CutBlock = (block: HTMLElement, node: Text, offset: number) => HTMLElement;

/**
 * Cut a block of text at a character that starts a line, so that it prints the same as one
 * block: everything from (`node`, `offset`) on moves into a shallow copy placed after it,
 * which goes on without indent, start margin, padding or border (and, for a list item,
 * without a marker or number); the first part ends without end margin and, if justified,
 * with its last line justified. Code keeps its indent (the cut goes after the line break); a
 * word broken at a soft hyphen keeps a visible hyphen. Returns the copy.
 *
 * Functions handed to `page.evaluate` cannot share code, so this one is installed in the page
 * as `window.huibianCutBlock` for those that need it (the line pass, the vertical notes).
 */
export function cutBlockInPage(block: HTMLElement, node: Text, offset: number): HTMLElement {
  let at = offset;
  if (/^(pre|break-spaces)/.test(getComputedStyle(block).whiteSpace)) while (at > 0 && /[ \t]/.test(node.data[at - 1]!)) at--;
  if (at > 0 && node.data[at - 1] === '\u00AD') node.replaceData(at - 1, 1, '\u2010');
  const range = document.createRange();
  range.setStart(node, at);
  range.setEnd(block, block.childNodes.length);
  const rest = block.cloneNode(false) as HTMLElement;
  rest.removeAttribute('id');
  rest.append(range.extractContents());
  for (const copy of rest.querySelectorAll('[id]')) if (document.getElementById(copy.id) !== copy) copy.removeAttribute('id');
  rest.style.textIndent = '0';
  rest.style.marginBlockStart = '0';
  rest.style.paddingBlockStart = '0';
  rest.style.borderBlockStartWidth = '0';
  if (block.tagName === 'LI') {
    rest.style.listStyleType = 'none';
    rest.style.counterIncrement = 'list-item 0';
  }
  block.style.marginBlockEnd = '0';
  block.style.paddingBlockEnd = '0';
  block.style.borderBlockEndWidth = '0';
  if (getComputedStyle(block).textAlign === 'justify') block.style.textAlignLast = 'justify';
  block.after(rest);
  return rest;
}
