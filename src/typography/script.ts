/** Simplified (SC) or Traditional (TC) Chinese: glyph forms, fonts, quotes and labels. */
export type Script = 'sc' | 'tc';

/** The script of a BCP 47 language tag: zh-Hant, zh-TW, zh-HK and zh-MO are Traditional. */
export function scriptOf(language: string): Script {
  return /^zh-(?:Hant|TW|HK|MO)\b/i.test(language) ? 'tc' : 'sc';
}
