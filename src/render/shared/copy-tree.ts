import type {Element, Root, RootContent} from 'hast';

/**
 * A copy of a tree whose nodes and properties can be changed without touching the book:
 * new nodes, property objects and list values; positions and data shared (nothing changes them),
 * a template's content too (nothing goes inside it).
 */
export function copyTree<T extends Root | RootContent>(node: T): T {
  const copy = {...node};
  if ('properties' in node) {
    const properties = {...node.properties};
    for (const key in properties) {
      const value = properties[key];
      if (Array.isArray(value)) properties[key] = [...value];
    }
    (copy as Element).properties = properties;
  }
  if ('children' in node) (copy as Root | Element).children = node.children.map((child) => copyTree(child)) as Element['children'];
  return copy;
}
