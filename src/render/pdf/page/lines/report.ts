import {CLOSING_MARKS, OPENING_MARKS} from '../../../../typography/marks.js';
import type {BlockLines, Line} from './measure.js';
import type {LineStats} from './stats.js';

/** Examples of what is still wrong, kept for the report at the most. */
const EXAMPLES = 10;

/** Count the block's lines and what is still wrong in them after the pass; returns the lines. */
export function reportLines(lines: BlockLines, stats: LineStats): Line[] {
  const final = lines.lines();
  const chars = lines.chars;
  stats.lines += final.length;
  for (const [index, line] of final.entries()) {
    const problems: string[] = [];
    if (line[0] > 0 && CLOSING_MARKS.includes(chars[line[0]]!.char)) {
      stats.startViolations++;
      problems.push('start');
    }
    if (index < final.length - 1 && OPENING_MARKS.includes(chars[line[1]]!.char)) {
      stats.endViolations++;
      problems.push('end');
    }
    if (lines.justified && index < final.length - 1 && lines.isLoose(line)) {
      stats.looseLines++;
      problems.push('loose');
    }
    if (problems.length > 0 && stats.examples.length < EXAMPLES) {
      const text = chars
        .slice(line[0], line[1] + 1)
        .map((c) => c.char)
        .join('');
      stats.examples.push(`${problems.join('+')}: ${text}`);
    }
  }
  return final;
}
