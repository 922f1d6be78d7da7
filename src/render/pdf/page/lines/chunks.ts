import {cutBlock} from '../cut-block.js';
import type {BlockLines, Line} from './measure.js';
import type {LineStats} from './stats.js';

/**
 * A paragraph (or list item) of many lines becomes blocks of `chunkLines` lines, cut at line
 * starts so that it prints the same: Paged.js duplicates or loses text in a paragraph that
 * runs over three pages or more. From the end back, so the offsets before stay valid.
 */
export function cutIntoChunks(lines: BlockLines, final: Line[], chunkLines: number, stats: LineStats): void {
  const block = lines.block;
  if ((block.tagName !== 'P' && block.tagName !== 'LI') || final.length < chunkLines * 2) return;
  const cuts = final.map(([first]) => first).filter((_, index) => index > 0 && index % chunkLines === 0 && final.length - index >= 2);
  for (const first of cuts.reverse()) {
    cutBlock(block as HTMLElement, lines.chars[first]!.node, lines.chars[first]!.offset);
    stats.chunked++;
  }
}
