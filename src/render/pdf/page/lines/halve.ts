import {LINE_END_MARKS} from '../../../../typography/marks.js';
import type {BlockLines} from './measure.js';
import type {LineStats} from './stats.js';
import {unwrap, wrap} from './wrap.js';

/**
 * Rule 9 (GB/T 15834 §5.1.10): a line that ends in 。，、；： gets the mark at half width
 * (OpenType `halt`, `vhal` in vertical text), one line at a time from the top, each kept only
 * if the next line still starts where it did.
 */
export function halveLineEnds(lines: BlockLines, stats: LineStats): void {
  const all = lines.lines();
  for (const [index, [, last]] of all.entries()) {
    // Only a justified line ends flush, so only there does a half-width mark show: not the
    // block's last line, unless the block goes on on the next page (Paged.js's split).
    const continues = lines.block.hasAttribute('data-split-to');
    const end = lines.chars[last]!;
    if (!lines.justified || (index === all.length - 1 && !continues) || !LINE_END_MARKS.includes(end.char)) continue;
    if (index === all.length - 1) {
      wrap(end, end.char.length, 'halt');
      stats.halved++;
      continue;
    }
    const nextHead = last + 1;
    const before = lines.lineOf(nextHead);
    const span = wrap(end, end.char.length, 'halt');
    lines.relayout();
    if (Math.abs(lines.lineOf(nextHead) - before) > lines.tolerance) {
      unwrap([span]);
      stats.halveUndone++;
      lines.relayout();
    } else stats.halved++;
  }
}
