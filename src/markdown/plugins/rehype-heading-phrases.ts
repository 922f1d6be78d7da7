import type {ElementContent, Root} from 'hast';
import {headingRank} from 'hast-util-heading-rank';
import {SKIP, visit} from 'unist-util-visit';
import {phrases} from '../../typography/phrases.js';

/**
 * Put `<wbr>` between the phrases of every heading's text (BudouX); with CSS
 * `word-break: keep-all`, a long heading then wraps only there.
 */
export default function rehypeHeadingPhrases() {
  return (tree: Root): void => {
    visit(tree, 'element', (heading) => {
      if (!headingRank(heading)) return undefined;
      heading.children = withBreaks(heading.children);
      return SKIP;
    });
  };
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
