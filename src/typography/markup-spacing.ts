/**
 * Rules 5 and 8 as markup, for engines without CSS `text-spacing-trim` and `text-autospace`
 * (Firefox, Safari, most EPUB readers): each piece of text says which extra class it needs.
 */
import {CLOSING_MARKS, OPENING_MARKS} from './marks.js';

/** A piece of text with the class that spaces or squeezes it, if any. */
export interface Spaced {
  text: string;
  /**
   * `space-*`: a Latin or digit run next to Han, on that side (⅛ em gap); `squeeze-end`: a
   * closing mark set at half width (its empty right half dropped); `squeeze-start`: an opening one.
   */
  className?: 'space-before' | 'space-after' | 'space-both' | 'squeeze-end' | 'squeeze-start';
}

const HAN = /\p{Script=Han}/u;
/** Marks whose ink sits on their left half, whose right half can go, and the other way round. */
const CLOSING = new Set(CLOSING_MARKS);
const OPENING = new Set(OPENING_MARKS);

/**
 * Split `text` so that Latin/digit runs touching Han can get a small gap on that side (rule 8),
 * and the first of two adjacent marks (`。”`, `）（`, `、《`) or the second of two openers
 * (`（《`) is set at half width (rule 5). Concatenating the pieces gives `text` back.
 */
export function spacedPieces(text: string, context: {before?: string; after?: string} = {}): Spaced[] {
  const chars = [...text];
  const at = (i: number) => (i < 0 ? context.before?.at(-1) : i >= chars.length ? context.after?.[0] : chars[i]);
  const pieces: Spaced[] = [];
  const push = (value: string, className?: Spaced['className']) => {
    const last = pieces.at(-1);
    if (!className && last && !last.className) last.text += value;
    else pieces.push(className ? {text: value, className} : {text: value});
  };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (/[A-Za-z0-9]/.test(c)) {
      let end = i;
      while (end + 1 < chars.length && /[A-Za-z0-9.,%+\-/:]/.test(chars[end + 1]!)) end++;
      // Trailing punctuation belongs to the sentence, not the run.
      while (end > i && /[.,:/-]/.test(chars[end]!)) end--;
      const before = HAN.test(at(i - 1) ?? '');
      const after = HAN.test(at(end + 1) ?? '');
      push(chars.slice(i, end + 1).join(''), before && after ? 'space-both' : before ? 'space-before' : after ? 'space-after' : undefined);
      i = end;
      continue;
    }
    const next = at(i + 1);
    const prev = at(i - 1);
    if (CLOSING.has(c) && next !== undefined && (CLOSING.has(next) || OPENING.has(next))) push(c, 'squeeze-end');
    else if (OPENING.has(c) && prev !== undefined && OPENING.has(prev)) push(c, 'squeeze-start');
    else push(c);
  }
  return pieces;
}
