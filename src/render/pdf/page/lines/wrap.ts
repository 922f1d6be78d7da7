import type {Char} from './measure.js';

/** Wrap `length` characters from `at` (all in its text node) in a span of `className`. */
export function wrap(at: Char, length: number, className: string): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = className;
  const piece = at.node.splitText(at.offset);
  piece.splitText(length);
  piece.before(span);
  span.append(piece);
  return span;
}

/** Undo {@link wrap}: the spans' text goes back into its neighbours. */
export function unwrap(spans: HTMLElement[]): void {
  for (const span of spans) {
    const parent = span.parentNode!;
    span.replaceWith(...span.childNodes);
    parent.normalize();
  }
}
