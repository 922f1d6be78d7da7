/**
 * The corrections that move line breaks (rules 6 and 22): a line (column) that starts with a
 * closing mark or ends with an opening one gets the mark glued to its neighbour; a loose
 * justified line is tightened (see loose.ts). One fix at a time, the lines read again after
 * each (each fix moves the lines after it), until none is left.
 */
import {CLOSING_MARKS, OPENING_MARKS} from '../../../../typography/marks.js';
import {WORD_JOINER} from './chars.js';
import {compress, spread, tighten} from './loose.js';
import type {BlockLines} from './measure.js';
import type {LineStats} from './stats.js';

/** Rounds of fixes a block may take at most. */
const ROUNDS = 60;

/** Correct the block's line breaks (see the module comment), counting what was done in `stats`. */
export function correctBreaks(lines: BlockLines, stats: LineStats): void {
  // Each place is tried once: a fix that did not take is not tried again.
  const tried = new Set<string>();
  const firstTry = (kind: string, at: number) => !tried.has(`${kind}${at}`) && Boolean(tried.add(`${kind}${at}`));
  for (let round = 0; round < ROUNDS; round++) {
    if (!fixOne(lines, firstTry, stats)) break;
    lines.relayout();
  }
}

/** Fix the first line that needs it and has not been tried; false when there is none. */
function fixOne(lines: BlockLines, firstTry: (kind: string, at: number) => boolean, stats: LineStats): boolean {
  const all = lines.lines();
  for (const [index, line] of all.entries()) {
    // Read afresh for each line: a correction tried and undone may have read the block again.
    const [first, last] = line;
    const head = lines.chars[first]!;
    const tail = lines.chars[last]!;
    if (first > 0 && CLOSING_MARKS.includes(head.char) && firstTry('start', first)) {
      // A note's call before the mark goes with it: join before the call (`库①。`).
      const call = head.offset === 0 ? head.node.previousElementSibling : null;
      const note = call?.classList.contains('footnote') ? call.previousElementSibling : null;
      if (note?.classList.contains('line-pass-call')) note.before(WORD_JOINER);
      else head.node.insertData(head.offset, WORD_JOINER);
      stats.glued++;
      return true;
    }
    if (index < all.length - 1 && OPENING_MARKS.includes(tail.char) && firstTry('end', last)) {
      tail.node.insertData(tail.offset + tail.char.length, WORD_JOINER);
      stats.glued++;
      return true;
    }
    if (lines.justified && index < all.length - 1 && lines.isLoose(line) && firstTry('loose', last)) {
      if (tighten(lines, line, all[index + 1]!)) stats.tightened++;
      else if (compress(lines, line, all[index + 1]!)) stats.compressed++;
      else if (spread(lines, line)) stats.spread++;
      else continue;
      return true;
    }
  }
  return false;
}
