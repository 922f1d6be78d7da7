/** What the steps of the vertical notes pass share: lengths along the body's block axis, boxes in the flow. */

/** A CSS length in px (0 for `auto`, `normal` and the like). */
export const px = (value: string) => parseFloat(value) || 0;

/** The page breaks a stylesheet may force. */
export const FORCED = /^(page|left|right|recto|verso)$/;

/** A note's number as it prints: ①…⑳, then (21). */
export const circled = (n: number) => (n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `(${n})`);

/** Distance from the first page's block start (its right edge) of a screen x, growing page by page. */
export type Along = (x: number) => number;

/** Is the element laid out in the flow (shown, not positioned out of it)? */
export function inFlow(element: Element): boolean {
  const style = getComputedStyle(element);
  return style.display !== 'none' && style.position !== 'absolute' && style.position !== 'fixed' && element.getClientRects().length > 0;
}

/** The top and bottom of the body's content box: where every column of the body runs. */
export function columnExtent(): {columnTop: number; columnBottom: number} {
  const bodyBox = document.body.getBoundingClientRect();
  const bodyStyle = getComputedStyle(document.body);
  return {columnTop: bodyBox.top + px(bodyStyle.paddingTop), columnBottom: bodyBox.bottom - px(bodyStyle.paddingBottom)};
}
