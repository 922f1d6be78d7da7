import type {Root} from 'hast';
import {headingRank} from 'hast-util-heading-rank';
import {SKIP, visit} from '../visit.js';
import {withBreaks} from '../../typography/phrases.js';

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
