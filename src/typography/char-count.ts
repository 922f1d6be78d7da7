/**
 * Counting characters (字数) the way Chinese offices count them, close to what Word and WPS
 * report as 字数 (docs/stats.md):
 *
 * - each Han character, kana, Hangul syllable and full-width form counts one (`２０２５` is 4);
 * - each non-ASCII mark or symbol counts one: 。，、“”《》（）—…·℃①, so `——` and `……` are 2;
 * - each run of letters and digits counts one (`2025年` is 2, `5G信号` is 3, `Hello world` is 2);
 *   ASCII punctuation between two letters or digits stays inside the run, so `3.5`, `1,200`,
 *   `8:30`, `COVID-19` and `www.gov.cn` are one each;
 * - ASCII punctuation elsewhere (`6.1%` is 1, `6.1％` is 2), white space and control
 *   characters count nothing.
 */

/** Han and the other scripts set one character to a square: one each. */
const SQUARE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;
/** Letters and digits that make up runs: Latin (pinyin's ā too), Greek, Cyrillic; super- and subscript digits (m², H₂O). */
const WORD = /[\p{L}\p{Nd}\u00B2\u00B3\u00B9\u2070-\u209F]/u;
/** Marks and invisible format characters (combining accents, variation selectors, zero-width joiners) belong to what they follow. */
const ATTACHED = /[\p{M}\p{Cf}]/u;
/** White space (the ideographic space U+3000 too) and control characters. */
const NOTHING = /[\s\p{Cc}]/u;

/** What one code point is to the count. */
type Kind = 'one' | 'word' | 'joiner' | 'attached' | 'nothing';

function kindOf(char: string): Kind {
  const code = char.codePointAt(0)!;
  if (code < 0x80) {
    if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return 'word';
    return code > 0x20 && code < 0x7f ? 'joiner' : 'nothing';
  }
  // Full-width forms (Ａ１！) count one each, like the Han they are set with; half-width kana fall to SQUARE.
  if ((code >= 0xff01 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6)) return 'one';
  if (SQUARE.test(char)) return 'one';
  if (WORD.test(char)) return 'word';
  if (ATTACHED.test(char)) return 'attached';
  if (NOTHING.test(char)) return 'nothing';
  return 'one';
}

/** The character count of `text` (see the module comment). */
export function countChars(text: string): number {
  let count = 0;
  // Inside a run of letters and digits; an ASCII mark right after one keeps it open until the next character says.
  let inRun = false;
  for (const char of text) {
    switch (kindOf(char)) {
      case 'word':
        if (!inRun) count += 1;
        inRun = true;
        break;
      case 'joiner':
      case 'attached':
        // Neither counts nor ends a run: `3.5` is one number; after `6.1%` the run ends at what follows.
        break;
      case 'one':
        count += 1;
        inRun = false;
        break;
      case 'nothing':
        inRun = false;
        break;
    }
  }
  return count;
}
