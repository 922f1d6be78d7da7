import {applyEdits, punctuationEdits, type Edit} from './punctuation.js';
import {quoteEdits, type QuoteState} from './quotes.js';
import {spaceEdits} from './spacing.js';

/** Rounds of normalization before giving up on reaching a fixed point (one change can give its neighbour a CJK context). */
export const NORMALIZE_ROUNDS = 5;

/**
 * One pass of every copy rule (punctuation, spaces, quotes: docs/typography.md rules 2, 3, 8, 19,
 * 20, 21) over one block given as its text segments in order (code in between is not passed).
 * Returns the edits of each segment, never overlapping; `state` carries an open quotation on
 * to the next paragraph.
 */
export function normalizeEdits(segments: string[], state: QuoteState = {open: false}): Edit[][] {
  const quotes = quoteEdits(segments, state);
  if (segments.length === 1) return [dropOverlaps([...punctuationEdits(segments[0]!), ...spaceEdits(segments[0]!), ...quotes[0]!])];
  // The text before and after each segment, without joining the rest anew for every one.
  const whole = segments.join('');
  let before = '';
  return segments.map((value, i) => {
    const context = {before: before || undefined, after: whole.slice(before.length + value.length) || undefined};
    before += value;
    return dropOverlaps([...punctuationEdits(value, context), ...spaceEdits(value, context), ...quotes[i]!]);
  });
}

/** A plain string (a title, a byline, a source) normalized as body copy is, until stable. */
export function normalizeText(text: string): string {
  let current = text;
  for (let round = 0; round < NORMALIZE_ROUNDS; round++) {
    const [edits] = normalizeEdits([current]);
    if (edits!.length === 0) break;
    current = applyEdits(current, edits!);
  }
  return current;
}

/** The edits in order of place, each dropped that overlaps one kept before it. */
function dropOverlaps(edits: Edit[]): Edit[] {
  const kept: Edit[] = [];
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    const last = kept.at(-1);
    if (!last || edit.start >= last.end) kept.push(edit);
  }
  return kept;
}
