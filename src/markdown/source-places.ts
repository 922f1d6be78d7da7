/**
 * Where a value of the syntax tree stands in the manuscript's source, for messages at the
 * right line and column (and fixes at the right offset).
 */

import type {Nodes} from 'mdast';

/** Offset of `value` written verbatim (plain or quoted) after the colon on 1-based `line` of `source`, if it is. */
export function valueOffset(source: string, line: number, value: string): number | undefined {
  let start = 0;
  for (let n = 1; n < line; n++) start = source.indexOf('\n', start) + 1;
  const end = source.indexOf('\n', start);
  const text = source.slice(start, end === -1 ? undefined : end);
  const colon = text.indexOf(':');
  const at = colon === -1 ? -1 : text.indexOf(value, colon + 1);
  if (at === -1) return undefined;
  // Plain, or in quotes that match (`title: "第 1 章"`): what the value is, the source spells.
  const before = text.slice(colon + 1, at).trim();
  const after = text.slice(at + value.length).trim();
  return (before === '' && after === '') || (before === after && (before === '"' || before === "'")) ? start + at : undefined;
}

/**
 * Offset in `source` of `value` as written inside `node`'s span — a code span's or block's
 * content, an image's alt — if it is. With `whole`, only where the span is `value` itself: a
 * text as it reads, no escapes or entities (a fix may then be applied there).
 */
export function spelledAt(source: string, node: Pick<Nodes, 'position'>, value: string, {whole = false} = {}): number | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const span = source.slice(start, end);
  const at = whole ? (span === value ? 0 : -1) : span.indexOf(value);
  return at === -1 ? undefined : start + at;
}

/** The 1-based line and column of `offset` in `source`. */
export function offsetToPoint(source: string, offset: number): {line: number; column: number} {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return {line, column: offset - before.lastIndexOf('\n')};
}
