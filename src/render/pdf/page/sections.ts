/** The text of the whole document, as the print is checked against it; without the element `without` selects (it is put back). */
export function bodyText(without?: string): string {
  const left = without ? document.querySelector(without) : null;
  if (!left) return document.body.textContent ?? '';
  const [parent, next] = [left.parentNode!, left.nextSibling];
  left.remove();
  const text = document.body.textContent ?? '';
  parent.insertBefore(left, next);
  return text;
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
