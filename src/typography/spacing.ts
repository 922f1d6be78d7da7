import {isCjk, type Context, type Edit} from './punctuation.js';

/**
 * Remove spaces typed between Han and Latin letters or digits (CJK-TYPOGRAPHY rule 8): in
 * print the ⅛–¼ em gap comes from CSS `text-autospace`, and a typed space would double it.
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
    const latin = (c: string | undefined) => c !== undefined && /[A-Za-z0-9%]/.test(c);
    if ((isCjk(prev) && !isPunctuation(prev) && latin(next)) || (latin(prev) && isCjk(next) && !isPunctuation(next))) {
      edits.push({start, end, text: '', rule: 'space'});
    }
  }
  return edits;
}

function isPunctuation(c: string | undefined): boolean {
  return c !== undefined && !/\p{Script=Han}/u.test(c);
}
