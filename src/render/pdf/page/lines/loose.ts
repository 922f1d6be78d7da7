/**
 * A loose justified line (rule 22), stretched because what follows it could not break, and
 * the three ways to tighten it, tried in order: break the Latin run that opens the next line,
 * set the full-width marks at half width, let the line's Latin runs take part of the stretch.
 */
import {SQUEEZABLE_MARKS} from '../../../../typography/marks.js';
import {isCjk, isHan, LATIN_RUN, LETTER, SOFT_HYPHEN} from './chars.js';
import type {BlockLines, Char, Line} from './measure.js';
import {unwrap, wrap} from './wrap.js';

/**
 * Break the Latin run that opens the next line where its first part fills the loose line:
 * between two letters with a soft hyphen (a word), elsewhere (a number, an address) with a
 * plain break. False when the next line opens with no such run.
 */
export function tighten(lines: BlockLines, line: Line, next: Line): boolean {
  const chars = lines.chars;
  const start = next[0];
  let end = start;
  while (end <= next[1] && LATIN_RUN.test(chars[end]!.char) && chars[end]!.node === chars[start]!.node) end++;
  if (end - start < 4) return false;
  const run = chars.slice(start, end);
  const letters = (k: number) => LETTER.test(run[k - 1]!.char) && LETTER.test(run[k]!.char);
  const fits = breaksThatFit(lines, line, start, run, letters);
  if (fits === undefined) return false;
  const node = run[0]!.node;
  const base = run[0]!.offset;
  for (const k of fits.slice(0, 6)) {
    const offset = run[k]!.offset - base;
    if (letters(k)) {
      node.insertData(base + offset, SOFT_HYPHEN);
      lines.relayout();
      if (!lines.stillLoose(line[0])) return true;
      node.deleteData(base + offset, 1);
    } else {
      const wbr = document.createElement('wbr');
      node.splitText(base + offset).before(wbr);
      lines.relayout();
      if (!lines.stillLoose(line[0])) return true;
      wbr.remove();
      node.parentNode!.normalize();
    }
    lines.relayout();
  }
  return false;
}

/**
 * Where the `run` opening the next line (at character `start`) may break (at least two characters on either side,
 * three of a word) so that its first part fits the room the loose `line` stretched into,
 * widest first; undefined if the run draws nothing.
 */
function breaksThatFit(lines: BlockLines, line: Line, start: number, run: Char[], letters: (k: number) => boolean): number[] | undefined {
  const {chars, em} = lines;
  // The room the line stretched into: the stretch at each CJK character, less the gap
  // autospace puts before a Latin word and a margin.
  const cjk = chars.slice(line[0], line[1] + 1).filter((c) => isCjk(c.char)).length;
  const room = (lines.gapOf(line) - 0.05) * em * cjk - 0.25 * em;
  const origin = lines.rect(start);
  if (!origin) return undefined;
  const fits: number[] = [];
  for (let k = 2; k <= run.length - 2; k++) {
    const r = lines.rect(start + k - 1);
    const hyphen = letters(k);
    if (hyphen && (k < 3 || k > run.length - 3)) continue;
    if (r && r.b - origin.a + (hyphen ? em * 0.4 : 0) <= room) fits.unshift(k);
  }
  return fits;
}

/**
 * Set the full-width marks of a loose line, and of what opens the next line up to its
 * first Han character, at half width (clreq's 标点挤压), so that the next line's first
 * unit fits. Undone when it does not.
 */
export function compress(lines: BlockLines, line: Line, next: Line): boolean {
  const chars = lines.chars;
  let end = next[0] + 1;
  while (end <= next[1] && end - next[0] < 12 && !isHan(chars[end]!.char)) end++;
  const marks = [...chars.slice(line[0], line[1] + 1), ...chars.slice(next[0], end)].filter((c) => SQUEEZABLE_MARKS.includes(c.char));
  if (marks.length === 0) return false;
  const spans = [...marks].reverse().map((c) => wrap(c, c.char.length, 'halt'));
  lines.relayout();
  if (!lines.stillLoose(line[0])) return true;
  unwrap(spans);
  lines.relayout();
  return false;
}

/**
 * The last resort for a loose line: let its Latin runs take part of the stretch, letter by
 * letter (`text-justify: inter-character`), rather than the Han characters alone.
 */
export function spread(lines: BlockLines, line: Line): boolean {
  const chars = lines.chars;
  const runs: Array<[Char, number]> = [];
  for (let i = line[0]; i <= line[1]; i++) {
    if (!/[\x21-\x7E]/.test(chars[i]!.char)) continue;
    let j = i;
    while (j + 1 <= line[1] && /[\x21-\x7E]/.test(chars[j + 1]!.char) && chars[j + 1]!.node === chars[i]!.node && chars[j + 1]!.offset === chars[j]!.offset + 1)
      j++;
    if (j > i) runs.push([chars[i]!, chars[j]!.offset + 1 - chars[i]!.offset]);
    i = j;
  }
  if (runs.length === 0) return false;
  for (const [at, length] of runs.reverse()) wrap(at, length, 'spread');
  return true;
}
