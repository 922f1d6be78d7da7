import {isCjk, type Edit} from './punctuation.js';

/** Whether a double quotation is still open at the end of a paragraph (it continues in the next). */
export interface QuoteState {
  open: boolean;
}

/**
 * Pair straight quotes into “” and ‘’ (docs/typography.md rule 3) in one paragraph given as its
 * text segments (text nodes in order; code in between is not passed). `"` pairs by context,
 * else by alternation; a quotation that runs over paragraphs opens again on each and closes
 * on the last (pass the same `state` from paragraph to paragraph). `'` is only paired next
 * to Han, so English apostrophes stay. Paragraphs without Han are left alone.
 * Returns edits per segment.
 */
export function quoteEdits(segments: string[], state: QuoteState = {open: false}): Edit[][] {
  const edits: Edit[][] = segments.map(() => []);
  const whole = segments.join('');
  if (!/\p{Script=Han}/u.test(whole) || !/["']/.test(whole)) return edits;
  const where: Array<[number, number]> = [];
  segments.forEach((segment, s) => {
    for (let i = 0; i < segment.length; i++) where.push([s, i]);
  });
  let single = false;
  let first = true;
  for (let i = 0; i < whole.length; i++) {
    const c = whole[i]!;
    if (c !== '"' && c !== "'") {
      if (!/\s/.test(c)) first = false;
      continue;
    }
    const prev = whole[i - 1];
    const next = whole[i + 1];
    const [s, at] = where[i]!;
    if (c === '"') {
      let opening: boolean;
      if (first && state.open)
        opening = true; // the quotation goes on in a new paragraph
      else if (prev === undefined || /[\s（(《「『“]/.test(prev)) opening = true;
      else if (next === undefined || /[\s，。！？；：、）)》」』”]/.test(next)) opening = false;
      else opening = !state.open;
      edits[s]!.push({start: at, end: at + 1, text: opening ? '“' : '”', rule: 'quotes'});
      state.open = opening;
    } else if (isCjk(prev) || isCjk(next) || prev === '"' || next === '"') {
      // A straight double quote next to it becomes “ or ” in this same pass: CJK context too.
      const opening: boolean = !single;
      edits[s]!.push({start: at, end: at + 1, text: opening ? '‘' : '’', rule: 'quotes'});
      single = opening;
    }
    first = false;
  }
  return edits;
}
