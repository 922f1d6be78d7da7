/**
 * The line pass: runs inside the print page after fonts are loaded and before pagination,
 * with the text laid out at the width (horizontal) or height (vertical) of the page's text
 * area, so that every line breaks as it will print. It reads where lines break and corrects
 * what Chromium's line breaker gets wrong for Chinese text (docs/typography.md rules 6, 9, 22):
 *
 * - a line (column) that starts with a closing mark or ends with an opening one (rule 6):
 *   the mark is glued to its neighbour with U+2060 WORD JOINER (corrections.ts);
 * - a loose justified line (rule 22), stretched because the Latin word after it could not
 *   break: the word gets a soft hyphen (digits a plain break) where it fills the line (loose.ts);
 * - a line that ends in 。，、；： (rule 9, GB/T 15834 §5.1.10): the mark is set at half
 *   width (OpenType `halt`, `vhal` in vertical text), unless that changes the line (halve.ts).
 */
import {textFinder, splitLongTexts} from './blocks.js';
import {cutIntoChunks} from './chunks.js';
import {correctBreaks} from './corrections.js';
import {halveLineEnds} from './halve.js';
import {layOutForPass} from './layout.js';
import {BlockLines, measuring} from './measure.js';
import {reportLines} from './report.js';
import {type LineStats, noLineStats} from './stats.js';

/** Which part of the pass to run (see {@link setLines}). */
type Steps = 'all' | 'breaks' | 'halve';

/**
 * Run the line pass over the document (see the module comment). `inline` is the text area's
 * extent along the line in CSS px; `vertical` says the writing mode; `bodyMargin` whether the
 * engine keeps the body's margin (Chromium's own print does, Paged.js lays the body's content
 * straight into its page boxes). `steps` runs part of it: `breaks` the corrections that move
 * line breaks (and the report), `halve` only the line-end marks, on lines already in their
 * pages — Paged.js loops on a paragraph of five pages or more when the marks are halved
 * before it paginates (a 3200-character paragraph printed 57228 characters). `chunkLines`
 * cuts each paragraph into blocks of that many lines.
 */
export function setLines({
  inline,
  vertical,
  bodyMargin,
  steps = 'all',
  chunkLines,
}: {
  inline: number;
  vertical: boolean;
  bodyMargin: boolean;
  steps?: Steps;
  chunkLines?: number;
}): LineStats {
  const restore = layOutForPass({inline, vertical, bodyMargin, laidOut: steps === 'halve'});
  const stats = noLineStats();
  const textsUnder = textFinder();
  splitLongTexts();
  const blocks = textsUnder(document.body);
  const shared = measuring(textsUnder, vertical);
  for (const [block, texts] of blocks) setBlockLines(new BlockLines(block, texts, shared), steps, chunkLines, stats);
  restore();
  return stats;
}

/** The pass over one block: its breaks corrected, its line-end marks halved, what is left counted, a long paragraph cut. */
function setBlockLines(lines: BlockLines, steps: Steps, chunkLines: number | undefined, stats: LineStats): void {
  if (steps !== 'halve') correctBreaks(lines, stats);
  lines.relayout();
  if (steps !== 'breaks') halveLineEnds(lines, stats);
  // The pass that only halves has nothing to add to the report.
  const final = steps === 'halve' ? [] : reportLines(lines, stats);
  if (chunkLines) cutIntoChunks(lines, final, chunkLines, stats);
  lines.done();
}
