import type {Root} from 'hast';
import {visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import {articlesOf, type Book} from '../model/book.js';
import {BODY_FAMILY, coveredBy, fontSheet, unicodeRanges} from '../render/shared/fonts.js';
import {scriptOf} from '../typography/script.js';

/**
 * Warn, at its first place in each manuscript, about every character the body font does not
 * have: Chromium would take it from a system font (maybe Type 3, maybe missing elsewhere).
 */
export function warnUncovered(book: Book, files: VFile[], ranges: Array<[number, number]>): void {
  const covered = coveredBy(ranges);
  // Most text has no such character: one scan by the regex engine finds that out.
  const point = (n: number) => `\\u{${n.toString(16)}}`;
  const outside = new RegExp(`[^\\0-\\x1f${ranges.map(([a, b]) => `${point(a)}-${point(b)}`).join('')}]`, 'u');
  const byPath = new Map(files.map((f) => [f.path, f]));
  for (const article of articlesOf(book)) {
    const file = byPath.get(article.file);
    if (!file) continue;
    const reported = new Set<string>();
    visit(article.body as Root, 'text', (node) => {
      if (!outside.test(node.value)) return;
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
