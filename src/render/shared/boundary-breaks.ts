import type {ElementContent, Root} from 'hast';
import {toString as hastText} from 'hast-util-to-string';
import {SKIP as SKIP_NODE, visit} from 'unist-util-visit';

const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z0-9]/;
/** Where no line breaks: preformatted text, drawings, glued runs. */
const SKIP = new Set(['pre', 'svg', 'math', 'script', 'style']);
/** Inline elements whose edges can meet Han text; blocks and drawings are left alone. */
const INLINE = new Set(['a', 'abbr', 'b', 'cite', 'code', 'em', 'i', 'kbd', 'mark', 'q', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'u', 'var']);

/**
 * Put `<wbr>` where Han meets a Latin letter or digit across an inline element's edge
 * (`被<strong>gbp`), in place. Chromium 156 with `text-autospace` finds no line break there,
 * though one is allowed (measured: the line before such a word is left stretched by up to an em
 * per character); plain text next to the same word breaks as it should.
 */
export function restoreBoundaryBreaks(tree: Root): void {
  visit(tree, 'element', (node) => {
    if (SKIP.has(node.tagName)) return SKIP_NODE;
    const children = node.children;
    for (let i = children.length - 1; i > 0; i--) {
      const [a, b] = [children[i - 1]!, children[i]!];
      if (!isInline(a) || !isInline(b) || (a.type !== 'element' && b.type !== 'element')) continue;
      const last = textOf(a).at(-1) ?? '';
      const first = textOf(b)[0] ?? '';
      if ((HAN.test(last) && LATIN.test(first)) || (LATIN.test(last) && HAN.test(first))) {
        children.splice(i, 0, {type: 'element', tagName: 'wbr', properties: {}, children: []});
      }
    }
    return undefined;
  });
}

/** Text, or an inline element (a block's edge is a line's edge anyway). */
function isInline(node: ElementContent): boolean {
  return node.type === 'text' || (node.type === 'element' && INLINE.has(node.tagName));
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? hastText(node) : '';
}
