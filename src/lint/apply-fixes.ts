import {readFile} from 'node:fs/promises';
import {writeAtomic} from '../files/write-atomic.js';
import type {SourceFix} from '../markdown/plugins/remark-cjk-normalize.js';

/**
 * Apply fixes found on a manuscript's normalized text (UTF-8, LF line ends, no BOM) to the file
 * on disk, keeping every other byte as it was (CRLF line ends and a BOM included), atomically.
 * Returns how many fixes were applied.
 */
export async function applySourceFixes(filePath: string, fixes: SourceFix[]): Promise<number> {
  if (fixes.length === 0) return 0;
  const raw = (await readFile(filePath)).toString('utf8');
  // Map offsets in the normalized text to offsets in the raw text.
  const rawIndex: number[] = [];
  let normalized = 0;
  for (let i = 0; i < raw.length; i++) {
    if (i === 0 && raw.charCodeAt(0) === 0xfeff) continue;
    rawIndex[normalized++] = i;
    // A CRLF is one LF in the normalized text: both map to the CR.
    if (raw[i] === '\r' && raw[i + 1] === '\n') i++;
  }
  rawIndex[normalized] = raw.length;
  let out = '';
  let at = 0;
  let applied = 0;
  for (const fix of [...fixes].sort((a, b) => a.start - b.start)) {
    const start = rawIndex[fix.start];
    const end = rawIndex[fix.end];
    if (start === undefined || end === undefined || start < at) continue;
    out += raw.slice(at, start) + fix.text;
    at = end;
    applied++;
  }
  await writeAtomic(filePath, out + raw.slice(at));
  return applied;
}
