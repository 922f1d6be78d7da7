import type {Root} from 'hast';
import {visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import {articlesOf, type Book} from '../model/book.js';
import {BODY_FAMILY, fontSheet, scriptOf} from './fonts.js';

/** Parse the `unicode-range` lists of a font stylesheet into [start, end] code point pairs. */
export function unicodeRanges(css: string, family: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const rule of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
    if (!rule.includes(`'${family}'`)) continue;
    const list = /unicode-range:\s*([^;}]+)/.exec(rule)?.[1];
    if (!list) return [[0, 0x10ffff]];
    for (const item of list.split(',')) {
      const [from, to] = item.trim().replace(/^U\+/i, '').split('-');
      const start = Number.parseInt(from!.replace(/\?/g, '0'), 16);
      const end = to ? Number.parseInt(to, 16) : Number.parseInt(from!.replace(/\?/g, 'F'), 16);
      ranges.push([start, end]);
    }
  }
  return ranges;
}

/** Does a font with these unicode ranges have `char` (control characters count as had)? */
export function coveredBy(ranges: Array<[number, number]>): (char: string) => boolean {
  return (char) => {
    const point = char.codePointAt(0)!;
    return point < 0x20 || ranges.some(([a, b]) => point >= a && point <= b);
  };
}

/**
 * Warn, at its first place in each manuscript, about every character the body font does not
 * have: Chromium would take it from a system font (maybe Type 3, maybe missing elsewhere).
 */
export function warnUncovered(book: Book, files: VFile[], ranges: Array<[number, number]>): void {
  const covered = coveredBy(ranges);
  for (const article of articlesOf(book)) {
    const file = files.find((f) => f.path === article.file);
    if (!file) continue;
    const reported = new Set<string>();
    visit(article.body as Root, 'text', (node) => {
      for (const char of node.value) {
        if (reported.has(char) || covered(char)) continue;
        reported.add(char);
        const hex = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
        file.message(`字符 “${char}”（U+${hex}）不在书的字体里，将由系统字体代替：印厂可能拒收，请换一个写法`, {
          place: node.position?.start,
          ruleId: 'font-coverage',
          source: 'huibian',
        });
      }
    });
  }
}

/** {@link warnUncovered} against the body face of the book's script. */
export async function checkFontCoverage(book: Book, files: VFile[]): Promise<void> {
  warnUncovered(book, files, unicodeRanges((await fontSheet(scriptOf(book.meta.language))).css, BODY_FAMILY));
}
