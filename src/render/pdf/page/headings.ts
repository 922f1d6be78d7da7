/**
 * Every heading Chromium's print makes a bookmark of, in document order, each with the
 * `data-toc-id` of the section it opens — the first heading inside that element — or null for
 * the headings within an article. Chromium skips headings whose bookmark title would be empty:
 * those without text, and those whose text is all upright (`text-combine-upright` runs are
 * left out of titles). A section's opening heading must have one, so its upright runs are set
 * sideways instead (a title that is only `12`).
 */
export function outlineHeadings(): Array<string | null> {
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
