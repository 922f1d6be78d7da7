import {phrases} from './phrases.js';

/** Width of a character in ems of the running head's font: CJK full width, Latin about half. */
function charWidth(char: string): number {
  return /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFF60\u3000-\u303F“”‘’…—]/u.test(char) ? 1 : 0.55;
}

/** Width of `text` in ems (see {@link charWidth}). */
export function emWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

const ELLIPSIS = '……';

/** The running head's em in millimetres: the templates set it in 8 pt with 0.05 em letter spacing. */
const HEAD_EM_MM = 8 * (25.4 / 72) * 1.05;

/**
 * A running head fits one line (typography rule 23): `title` as it is when it fits across a
 * text area `textWidth` mm wide, else cut at the last phrase boundary (BudouX) that leaves room
 * for `……`, or inside the first phrase when even that is too long. Punctuation left at the cut goes.
 */
export function runningHead(title: string, textWidth: number): string {
  const room = Math.floor(textWidth / HEAD_EM_MM);
  if (emWidth(title) <= room) return title;
  const budget = room - emWidth(ELLIPSIS);
  let kept = '';
  for (const phrase of phrases(title)) {
    if (emWidth(kept + phrase) > budget) break;
    kept += phrase;
  }
  if (kept === '') {
    for (const char of title) {
      if (emWidth(kept + char) > budget) break;
      kept += char;
    }
  }
  return kept.replace(/[\s，。、；：,.;:!?！？—…（(《“‘]+$/u, '') + ELLIPSIS;
}
