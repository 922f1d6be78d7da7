import type {Root} from 'hast';
import {visit} from '../visit.js';
import type {VFile} from 'vfile';

declare module 'vfile' {
  interface DataMap {
    /** Unique prefix for every id of this manuscript, set before processing (e.g. `a7`). */
    idPrefix: string;
  }
}

/**
 * Give every id and in-document link of one manuscript the manuscript's prefix, so that ids
 * stay unique when all articles share one HTML document (footnotes are `fn-1` in each).
 */
export default function rehypeScopeIds() {
  return (tree: Root, file: VFile): void => {
    const prefix = file.data.idPrefix;
    if (!prefix) return;
    const scope = (id: string) => `${prefix}-${id.replace(/^user-content-/, '')}`;
    visit(tree, 'element', (node) => {
      const {id, href} = node.properties;
      if (typeof id === 'string') node.properties.id = scope(id);
      if (typeof href === 'string' && href.startsWith('#') && href.length > 1) {
        node.properties.href = `#${scope(href.slice(1))}`;
      }
      const describedBy = node.properties.ariaDescribedBy;
      if (Array.isArray(describedBy)) node.properties.ariaDescribedBy = describedBy.map((value) => scope(String(value)));
    });
  };
}
