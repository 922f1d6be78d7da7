import type {Paragraph, Root} from 'mdast';
import type {Processor} from 'unified';
import {urlLiteralSyntax} from './url-literal-syntax.js';
import {EXIT, visit} from './visit.js';

/** The transform of mdast-util-gfm-autolink-literal that links bare URLs and e-mail addresses. */
const LITERALS = 'transformGfmAutolinkLiterals';

/** What each of its patterns needs: `http` or `www` (in any case) for a URL, `@` for an address. */
const CANDIDATE = /@|www|http/i;

/** Printable ASCII, from a text's start: the characters a URL can hold (see url-literal-syntax.ts). */
const URL_CHARACTERS = /^[\x21-\x7e]*/;

type Transform = (tree: Root) => unknown;
interface FromMarkdownExtension {
  transforms?: Transform[];
}
type Extensions = Array<FromMarkdownExtension | Extensions>;

/**
 * remark-gfm's bare URLs and e-mail addresses, fitted to Chinese text. Must follow remark-gfm.
 *
 * - A bare URL ends where the characters a URL can hold end: at a Han character or a
 *   full-width mark, not at the next space, which Chinese has none of (url-literal-syntax.ts);
 *   `<https://…>` links exactly what it encloses.
 * - remark-gfm's search for bare URLs and e-mail addresses in text (four walks over the whole
 *   tree, one per pattern) runs only on a tree with a text that has what every one of its
 *   patterns needs: nearly all Chinese copy has none, and then the search would change nothing.
 *   The URLs it finds end as above too.
 */
export default function remarkGfmLiterals(this: Processor) {
  const data = this.data();
  data.micromarkExtensions ??= [];
  data.micromarkExtensions.push(urlLiteralSyntax);
  const guard = (extensions: Extensions) => {
    for (const extension of extensions) {
      if (Array.isArray(extension)) {
        guard(extension);
        continue;
      }
      if (!extension.transforms) continue;
      extension.transforms = extension.transforms.map((transform) =>
        transform.name === LITERALS
          ? (tree: Root) => {
              if (!hasCandidate(tree)) return;
              transform(tree);
              endFoundUrls(tree, transform);
            }
          : transform,
      );
    }
  };
  guard((data.fromMarkdownExtensions ?? []) as Extensions);
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

/**
 * End the URLs that remark-gfm's search found in text (after a comma, say, or in text with a
 * character reference: micromark did not read them as URLs; its links and the texts it cut
 * around them are the nodes without a position) where the characters a URL can hold end: the
 * search is run again on the link's text cut there, and on the rest with the text after the
 * link, whose URLs the link had swallowed.
 */
function endFoundUrls(tree: Root, search: Transform): void {
  visit(tree, 'link', (node, index, parent) => {
    const [text] = node.children;
    if (node.position || !parent || index === undefined || node.children.length !== 1 || text?.type !== 'text') return undefined;
    const urlCharacters = URL_CHARACTERS.exec(text.value)![0];
    if (urlCharacters.length === text.value.length) return undefined;
    const next = parent.children[index + 1];
    const after = next?.type === 'text' && !next.position ? next.value : '';
    const head: Paragraph = {type: 'paragraph', children: [{type: 'text', value: urlCharacters}]};
    const rest: Paragraph = {type: 'paragraph', children: [{type: 'text', value: text.value.slice(urlCharacters.length) + after}]};
    search({type: 'root', children: [head, rest]});
    parent.children.splice(index, after ? 2 : 1, ...head.children, ...rest.children);
    // On with the rest: a URL found there may run on into Chinese again.
    return index + head.children.length;
  });
}
