import type {ElementContent} from 'hast';
import {loadDefaultSimplifiedChineseParser} from 'budoux';

let parser: ReturnType<typeof loadDefaultSimplifiedChineseParser> | undefined;

/**
 * A heading's text cut at phrase boundaries (BudouX, zh-Hans model), so that a heading too
 * long for one line breaks between words, not inside one (docs/typography.md rule 18).
 */
export function phrases(text: string): string[] {
  parser ??= loadDefaultSimplifiedChineseParser();
  return parser.parse(text);
}

/** Children with each text split into phrases separated by `<wbr>`. */
export function withBreaks(children: ElementContent[]): ElementContent[] {
  return children.flatMap((child): ElementContent[] => {
    if (child.type === 'element') return [{...child, children: withBreaks(child.children)}];
    if (child.type !== 'text') return [child];
    return phrases(child.value).flatMap((phrase, i): ElementContent[] => [
      ...(i > 0 ? [{type: 'element', tagName: 'wbr', properties: {}, children: []} as ElementContent] : []),
      {type: 'text', value: phrase},
    ]);
  });
}
