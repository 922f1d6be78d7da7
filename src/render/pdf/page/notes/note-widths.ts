/** The notes taken from the articles' ends, and each measured alone, as a page's notes block sets it. */
import {circled} from './geometry.js';

/** A page's notes block holding `items`. */
export function notesBlock(items: HTMLElement[]): HTMLDivElement {
  const block = document.createElement('div');
  block.className = 'page-notes';
  const list = document.createElement('ol');
  list.append(...items);
  block.append(list);
  return block;
}

/** Take the notes out of the articles' ends (`section.article-notes`): id → note item. */
export function takeNotes(): Map<string, HTMLElement> {
  const notes = new Map<string, HTMLElement>();
  for (const section of document.querySelectorAll('section.article-notes')) {
    for (const item of section.querySelectorAll<HTMLElement>('li[id]')) notes.set(item.id, item);
    section.remove();
  }
  return notes;
}

/**
 * Measure each note as a notes block of a page sets it, in a probe as tall as the body's
 * columns; returns the width a page's notes block takes for a set of notes (0 for none).
 */
export function noteWidths(
  notes: Map<string, HTMLElement>,
  {columnTop, columnBottom}: {columnTop: number; columnBottom: number},
): (ids: Iterable<string>) => number {
  const probe = notesBlock([]);
  probe.style.cssText = `position: absolute; top: ${columnTop}px; left: 0; height: ${columnBottom - columnTop}px; visibility: hidden`;
  document.body.append(probe);
  const emptyWidth = probe.getBoundingClientRect().width;
  const noteWidth = new Map<string, number>();
  for (const [id, item] of notes) {
    const number = item.querySelector('.note-number');
    if (number) number.textContent = circled(1);
    probe.firstElementChild!.append(item);
    noteWidth.set(id, item.getBoundingClientRect().width);
  }
  probe.remove();
  return (ids) => {
    let sum = 0;
    for (const id of ids) sum += noteWidth.get(id) ?? 0;
    return sum === 0 ? 0 : sum + emptyWidth;
  };
}
