/** The text of the whole document, as the print is checked against it; without the body's children that `without` selects. */
export function bodyText(without?: string): string {
  if (!without) return document.body.textContent ?? '';
  return [...document.body.childNodes].map((node) => (node instanceof Element && node.matches(without) ? '' : (node.textContent ?? ''))).join('');
}

/**
 * The text of each element of `ids` as the document holds it, from its start to the next
 * one's (notes moved onto a page go with the text around them); null for an id not found.
 */
export function sectionTexts(ids: string[]): Array<string | null> {
  const elements = ids.map((id) => document.getElementById(id));
  return elements.map((element, i) => {
    if (!element) return null;
    const range = document.createRange();
    range.setStartBefore(element);
    const next = elements.slice(i + 1).find((e) => e);
    if (next) range.setEndBefore(next);
    else range.setEndAfter(document.body.lastChild!);
    return range.toString();
  });
}
