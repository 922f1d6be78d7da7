import type {Element, ElementContent, Root} from 'hast';
import {visit, SKIP} from 'unist-util-visit';
import type {Footnote} from '../../book/model.js';

/**
 * Put each footnote's text at its call, as `span.footnote`, which print CSS floats to the page
 * foot (`float: footnote`): Paged.js numbers the call and the note itself. Works on a copy.
 */
export function inlineFootnotes(body: Root, footnotes: Footnote[]): Root {
  const byId = new Map(footnotes.map((note) => [note.id, note]));
  const tree = structuredClone(body);
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'sup' || !parent || index === undefined) return;
    const link = node.children.find((c): c is Element => c.type === 'element' && c.properties.dataFootnoteRef !== undefined);
    const note = link && byId.get(String(link.properties.href ?? '').slice(1));
    if (!note) return;
    parent.children[index] = {
      type: 'element',
      tagName: 'span',
      properties: {className: ['footnote'], id: note.id},
      children: flattenParagraphs(note.children),
    };
    return SKIP;
  });
  return tree;
}

/** A note's paragraphs as inline content: a span may not hold `<p>`. */
function flattenParagraphs(children: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of children) {
    if (child.type === 'element' && child.tagName === 'p') {
      if (out.length > 0) out.push({type: 'text', value: ' '});
      out.push(...child.children);
    } else if (!(child.type === 'text' && !child.value.trim())) {
      out.push(child);
    }
  }
  return out;
}
