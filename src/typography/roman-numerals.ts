/** Ⅰ–Ⅻ and ⅰ–ⅻ (U+2160–U+217B) spelled with Latin letters. */
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'L', 'C', 'D', 'M'];

/**
 * Spell the one-character Roman numerals (Ⅱ级响应) with Latin capitals (II级响应). The Noto
 * CJK slices on npm leave U+2160–U+217F out, so Chromium would take them from a system font;
 * GB/T 15835 accepts either spelling.
 */
export function latinRomanNumerals(text: string): string {
  return text.replace(/[\u2160-\u217F]/g, (c) => {
    const code = c.codePointAt(0)!;
    const upper = code < 0x2170 ? code - 0x2160 : code - 0x2170;
    const roman = ROMAN[upper];
    if (!roman) return c;
    return code < 0x2170 ? roman : roman.toLowerCase();
  });
}
