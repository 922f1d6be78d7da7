import type {Root} from 'mdast';
import type {Processor} from 'unified';
import {EXIT, visit} from './visit.js';

/** The transform of mdast-util-gfm-autolink-literal that links bare URLs and e-mail addresses. */
const LITERALS = 'transformGfmAutolinkLiterals';

/** What each of its patterns needs: `http` or `www` (in any case) for a URL, `@` for an address. */
const CANDIDATE = /@|www|http/i;

type Transform = (tree: Root) => unknown;
interface FromMarkdownExtension {
  transforms?: Transform[];
}
type Extensions = Array<FromMarkdownExtension | Extensions>;

/**
 * Run remark-gfm's search for bare URLs and e-mail addresses (four walks over the whole tree,
 * one per pattern) only on a tree with a text that has what every one of its patterns needs:
 * nearly all Chinese copy has none, and then the search would change nothing. Must follow
 * remark-gfm.
 */
export default function remarkGfmLiteralsWhenPresent(this: Processor) {
  const guard = (extensions: Extensions) => {
    for (const extension of extensions) {
      if (Array.isArray(extension)) {
        guard(extension);
        continue;
      }
      if (!extension.transforms) continue;
      extension.transforms = extension.transforms.map((transform) =>
        transform.name === LITERALS ? (tree: Root) => (hasCandidate(tree) ? transform(tree) : undefined) : transform,
      );
    }
  };
  guard((this.data('fromMarkdownExtensions') ?? []) as Extensions);
}

function hasCandidate(tree: Root): boolean {
  let found = false;
  visit(tree, 'text', (node) => {
    if (!CANDIDATE.test(node.value)) return undefined;
    found = true;
    return EXIT;
  });
  return found;
}
