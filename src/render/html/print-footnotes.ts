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

/** ① ② … ⑳, then the plain number: how Chinese books mark notes. */
export function circled(n: number): string {
  return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `(${n})`;
}

/**
 * Gather an article's footnotes at its end, under 注释, with circled calls (for engines
 * without `float: footnote`, such as Chromium's own print of vertical books). Works on a copy.
 */
export function endnotes(body: Root, footnotes: Footnote[]): Root {
  const tree = structuredClone(body);
  if (footnotes.length === 0) return tree;
  const numbers = new Map(footnotes.map((note, i) => [note.id, i + 1]));
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'sup' || !parent || index === undefined) return;
    const link = node.children.find((c): c is Element => c.type === 'element' && c.properties.dataFootnoteRef !== undefined);
    const id = link && String(link.properties.href ?? '').slice(1);
    const n = id && numbers.get(id);
    if (!link || !n) return;
    parent.children[index] = {
      type: 'element',
      tagName: 'a',
      properties: {className: ['note-call'], href: `#${id}`, id: link.properties.id},
      children: [{type: 'text', value: circled(n)}],
    };
    return SKIP;
  });
  tree.children.push({
    type: 'element',
    tagName: 'section',
    properties: {className: ['article-notes']},
    children: [
      {type: 'element', tagName: 'p', properties: {className: ['article-notes-heading']}, children: [{type: 'text', value: '注释'}]},
      {
        type: 'element',
        tagName: 'ol',
        properties: {},
        children: footnotes.map((note, i) => ({
          type: 'element',
          tagName: 'li',
          properties: {id: note.id},
          children: [{type: 'element', tagName: 'span', properties: {className: ['note-number']}, children: [{type: 'text', value: circled(i + 1)}]}, ...flattenParagraphs(note.children)],
        })),
      },
    ],
  });
  return tree;
}
