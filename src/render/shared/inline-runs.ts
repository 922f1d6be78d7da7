import type {Element, ElementContent, Root} from 'hast';
import {visit} from 'unist-util-visit';

/** Elements laid out as blocks: what an inline run may stand beside, and what the Word writer makes paragraphs of. */
export const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'ul',
]);

/** Containers in which Markdown puts words beside blocks. */
const MIXED = new Set(['li', 'dd', 'blockquote', 'td', 'th']);

/**
 * Wrap text that stands beside blocks in a container — a tight list item's words before its
 * nested list or code block — in `div.inline-run`, in place. Paged.js justifies the last line
 * of an element it splits across pages with `text-align-last: justify`, which is inherited:
 * on a list item it would stretch the last line of every such anonymous run letter by letter
 * (loose lines, docs/typography.md rule 22); as its own element the run is justified alone.
 */
export function wrapInlineRuns(tree: Root): void {
  visit(tree, 'element', (node) => {
    if (!MIXED.has(node.tagName) || !node.children.some(isBlock) || !node.children.some(isInlineContent)) return;
    const children: ElementContent[] = [];
    let run: ElementContent[] = [];
    const flush = () => {
      if (run.some(isInlineContent)) children.push({type: 'element', tagName: 'div', properties: {className: ['inline-run']}, children: run});
      else children.push(...run);
      run = [];
    };
    for (const child of node.children) {
      if (isBlock(child)) {
        flush();
        children.push(child);
      } else run.push(child);
    }
    flush();
    node.children = children;
  });
}

function isBlock(node: ElementContent): node is Element {
  return node.type === 'element' && BLOCK.has(node.tagName);
}

/** Inline content that prints something: an element that is no block, or text that is not blank. */
function isInlineContent(node: ElementContent): boolean {
  return (node.type === 'element' && !BLOCK.has(node.tagName)) || (node.type === 'text' && node.value.trim() !== '');
}
