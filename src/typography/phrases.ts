import {loadDefaultSimplifiedChineseParser} from 'budoux';

let parser: ReturnType<typeof loadDefaultSimplifiedChineseParser> | undefined;

/**
 * A heading's text cut at phrase boundaries (BudouX, zh-Hans model), so that a heading too
 * long for one line breaks between words, not inside one (CJK-TYPOGRAPHY rule 18).
 */
export function phrases(text: string): string[] {
  parser ??= loadDefaultSimplifiedChineseParser();
  return parser.parse(text);
}
