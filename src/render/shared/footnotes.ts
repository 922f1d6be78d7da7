import type {Element, ElementContent, Root} from 'hast';
import {h} from 'hastscript';
import {visit, SKIP} from 'unist-util-visit';
import {copyTree} from './copy-tree.js';
import type {Labels} from './labels.js';
import type {Footnote} from '../../model/book.js';

/**
 * Put each footnote's text at its call, as `span.footnote`, which print CSS floats to the page
 * foot (`float: footnote`): Paged.js numbers the call and the note itself. Works on a copy.
 */
export function inlineFootnotes(body: Root, footnotes: Footnote[]): Root {
  return replaceCalls(body, footnotes, (note) => h('span.footnote', {id: note.id}, flattenParagraphs(note.children)));
}

/**
 * Gather an article's footnotes at its end, under 注释, with circled calls (for engines
 * without `float: footnote`, such as Chromium's own print of vertical books). Works on a copy.
 */
export function endnotes(body: Root, footnotes: Footnote[], labels: Labels): Root {
  const tree = replaceCalls(body, footnotes, (note, n) => h('a.note-call', {href: `#${note.id}`, id: note.refId}, circled(n)));
  if (footnotes.length === 0) return tree;
  tree.children.push(
    h('section.article-notes', [
      h('p.article-notes-heading', labels.notes),
      h(
        'ol',
        footnotes.map((note, i) => h('li', {id: note.id}, [h('span.note-number', circled(i + 1)), ...flattenParagraphs(note.children)])),
      ),
    ]),
  );
  return tree;
}

/** ① ② … ⑳, then (21): how Chinese books mark notes. */
export function circled(n: number): string {
  return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `(${n})`;
}

/** A copy of `body` with each GFM footnote call (`sup > a[data-footnote-ref]`) replaced by `make(note, number)`. */
export function replaceCalls(body: Root, footnotes: Footnote[], make: (note: Footnote, n: number) => ElementContent): Root {
  const byId = new Map(footnotes.map((note, i) => [note.id, {note, n: i + 1}]));
  const tree = copyTree(body);
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'sup' || !parent || index === undefined) return;
    const link = node.children.find((c): c is Element => c.type === 'element' && c.properties.dataFootnoteRef !== undefined);
    const found = link && byId.get(String(link.properties.href ?? '').slice(1));
    if (!found) return;
    parent.children[index] = make(found.note, found.n);
    return SKIP;
  });
  return tree;
}

/**
 * A note's paragraphs as inline content, a line break between two: a span may not hold `<p>`,
 * and a space would print as a gap next to the first paragraph's full stop.
 */
function flattenParagraphs(children: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of children) {
    if (child.type === 'element' && child.tagName === 'p') {
      if (out.length > 0) out.push({type: 'element', tagName: 'br', properties: {}, children: []});
      out.push(...child.children);
    } else if (!(child.type === 'text' && !child.value.trim())) {
      out.push(child);
    }
  }
  return out;
}
