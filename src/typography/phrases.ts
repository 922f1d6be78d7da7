import {createRequire} from 'node:module';
import path from 'node:path';
import type {Parser} from 'budoux';
import type {ElementContent} from 'hast';

/**
 * BudouX's parser and its zh-Hans model, without the package's entry point: that one loads
 * its HTML processor too, and with it a DOM (linkedom), 0.2 s of every build's start for
 * nothing used here. Its package exports nothing narrower, so the two files are required by
 * their path.
 */
function loadParser(): Parser {
  const require = createRequire(import.meta.url);
  const dist = path.dirname(require.resolve('budoux'));
  const {Parser: BudouxParser} = require(path.join(dist, 'parser.js')) as typeof import('budoux');
  const {model} = require(path.join(dist, 'data/models/zh-hans.js')) as {model: ConstructorParameters<typeof Parser>[0]};
  return new BudouxParser(model);
}

let parser: Parser | undefined;

/**
 * A heading's text cut at phrase boundaries (BudouX, zh-Hans model), so that a heading too
 * long for one line breaks between words, not inside one (docs/typography.md rule 18).
 */
export function phrases(text: string): string[] {
  parser ??= loadParser();
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
