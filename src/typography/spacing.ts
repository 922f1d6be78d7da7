import {isCjk, type Context, type Edit} from './punctuation.js';

/** Full-width marks that never take a typed space on either side (docs/typography.md rule 19). */
const FULL_WIDTH_MARK = /[，。、；：？！（）《》〈〉「」『』【】〔〕〖〗…—～·]/u;
/**
 * The Latin run (letters, digits, paths, calls: anything up to a space or CJK) that starts a
 * text, with what stands beyond it (group 2: a space, or nothing); {@link runAtEnd} finds the
 * one that ends a text.
 */
const RUN_START = /^([^\s\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF“”‘’《》〈〉…—·]+)(\s?)/u;
/** What bounds such a run: a space, Han, CJK punctuation. */
const NOT_RUN = /^[\s\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF“”‘’《》〈〉…—·]$/u;
const ALNUM = /[A-Za-z0-9]/;

/**
 * Remove typed spaces that the printed page must not show:
 * - between Han and a Latin run that begins and ends with a letter or digit (docs/typography.md
 *   rule 8): in print the ⅛–¼ em gap comes from CSS `text-autospace`, and a typed space would
 *   double it. Runs like `~/.ssh` or `printf()` keep theirs: autospace gives them no gap;
 * - next to a full-width mark (rule 19: `“stable” ，`, `（ 可选 ）`, `6.5. “测试版”`): the mark's
 *   own blank half is the space, and a justified line would stretch a typed one into a gap.
 * Spaces between Latin words, and anything in code or URLs (not passed here), stay.
 */
export function spaceEdits(text: string, context: Context = {}): Edit[] {
  const edits: Edit[] = [];
  const lastBefore = context.before?.at(-1);
  const firstAfter = context.after?.[0];
  for (const match of text.matchAll(/[ \u00A0]+/g)) {
    const start = match.index;
    const end = start + match[0].length;
    const prev = start > 0 ? text[start - 1] : lastBefore;
    const next = end < text.length ? text[end] : firstAfter;
    // CSS `text-autospace` spaces Han from a letter or digit, not from `~` or `)`: a run set
    // apart by spaces on both sides (`~/.ssh/config`, `printf()`) keeps both unless both its
    // ends are letters or digits (or 97.5%), so it is spaced alike on either side.
    const after = RUN_START.exec(text.slice(end) + (context.after ?? ''));
    const before = runAtEnd((context.before ?? '') + text.slice(0, start));
    const latinAfter = after !== null && ALNUM.test(after[1]!.at(0)!) && (after[2] === '' || /[A-Za-z0-9%]$/.test(after[1]!));
    const latinBefore = before !== undefined && /[A-Za-z0-9%]$/.test(before.run) && (before.space === '' || ALNUM.test(before.run.at(0)!));
    if ((isHan(prev) && latinAfter) || (latinBefore && isHan(next))) {
      edits.push({start, end, text: '', rule: 'space'});
    } else if (nextToFullWidth(prev, next)) {
      edits.push({start, end, text: '', rule: 'punctuation-space'});
    }
  }
  return edits;
}

/**
 * The Latin run that ends `text` (see {@link RUN_START}), with the space before it if there is
 * one; what `/(\s?)([^…]+)$/u` matches, found from the end instead of tried at every offset.
 */
function runAtEnd(text: string): {space: string; run: string} | undefined {
  let start = text.length;
  while (start > 0) {
    const low = text.charCodeAt(start - 1);
    const pair = low >= 0xdc00 && low <= 0xdfff && start >= 2 && text.charCodeAt(start - 2) >= 0xd800 && text.charCodeAt(start - 2) <= 0xdbff;
    const size = pair ? 2 : 1;
    if (NOT_RUN.test(text.slice(start - size, start))) break;
    start -= size;
  }
  if (start === text.length) return undefined;
  // Every space is one UTF-16 unit.
  const space = start > 0 && /^\s$/u.test(text[start - 1]!) ? text[start - 1]! : '';
  return {space, run: text.slice(start)};
}

/**
 * Does a space between `prev` and `next` stand next to a full-width mark (rule 19)? Double
 * curly quotes are set full width by the book's CJK fonts, in Latin text too, so no space
 * stands beside them. A single ’ is also the apostrophe (`students’ books`): spaces go only
 * inside single quotes, or outside them where Chinese stands beyond.
 */
function nextToFullWidth(prev: string | undefined, next: string | undefined): boolean {
  if (FULL_WIDTH_MARK.test(prev ?? '') || FULL_WIDTH_MARK.test(next ?? '')) return true;
  if (/[“”]/u.test(prev ?? '') || /[“”]/u.test(next ?? '')) return true;
  if (prev === '‘' || next === '’') return true;
  return (prev === '’' && isCjk(next)) || (next === '‘' && isCjk(prev));
}

function isHan(c: string | undefined): boolean {
  return c !== undefined && /\p{Script=Han}/u.test(c);
}
