import type {Footnote} from '../../model/book.js';
import type {Element, ElementContent, Root} from 'hast';
import {visit} from '../visit.js';
import type {VFile} from 'vfile';

declare module 'vfile' {
  interface DataMap {
    /** Footnotes taken out of the tree by {@link rehypeExtractFootnotes}, in call order. */
    footnotes: Footnote[];
  }
}

/**
 * Take GFM's footnote section out of the article: print sets notes at the page foot, EPUB as
 * pop-ups, so the book model keeps them apart from the body and calls stay as `a[data-footnote-ref]`.
 */
export default function rehypeExtractFootnotes() {
  return (tree: Root, file: VFile): void => {
    const notes = new Map<string, ElementContent[]>();
    const index = tree.children.findIndex((node) => node.type === 'element' && node.tagName === 'section' && node.properties.dataFootnotes !== undefined);
    if (index !== -1) {
      const section = tree.children[index] as Element;
      visit(section, 'element', (node) => {
        if (node.tagName !== 'li' || typeof node.properties.id !== 'string') return;
        notes.set(node.properties.id, withoutBackrefs(node.children));
      });
      tree.children.splice(index, 1);
    }
    const footnotes: Footnote[] = [];
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'a' || node.properties.dataFootnoteRef === undefined) return;
      const id = String(node.properties.href ?? '').slice(1);
      const children = notes.get(id);
      if (!children || footnotes.some((note) => note.id === id)) return;
      footnotes.push({id, refId: String(node.properties.id), label: String(footnotes.length + 1), children});
    });
    file.data.footnotes = footnotes;
  };
}

function withoutBackrefs(children: ElementContent[]): ElementContent[] {
  const kept: ElementContent[] = [];
  for (const child of children) {
    if (child.type === 'element' && child.properties.dataFootnoteBackref !== undefined) continue;
    if (child.type === 'element') {
      kept.push({...child, children: withoutBackrefs(child.children)});
    } else if (child.type === 'text' && !child.value.trim() && kept.length === 0) {
    } else {
      kept.push(child);
    }
  }
  // A back link is preceded by a space; drop the trailing whitespace it leaves.
  const last = kept.at(-1);
  if (last?.type === 'text') last.value = last.value.trimEnd();
  return kept;
}
