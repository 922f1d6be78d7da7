import type {Element, ElementContent, Root} from 'hast';
import {SKIP, visit} from './visit.js';

/**
 * Replace each text node of `tree` by the nodes `replace` makes of its value (undefined: keep
 * it), in place, never looking inside an element `skip` names. The rehype plugins that wrap
 * or break runs of text (glue, Latin break points, markup spacing) share this walk.
 */
export function replaceTexts(tree: Root, skip: (element: Element) => boolean, replace: (value: string) => ElementContent[] | undefined): void {
  visit(tree, (node, index, parent) => {
    if (node.type === 'element' && skip(node)) return SKIP;
    if (node.type !== 'text' || !parent || index === undefined) return undefined;
    const replacement = replace(node.value);
    if (!replacement) return undefined;
    parent.children.splice(index, 1, ...replacement);
    return [SKIP, index + replacement.length];
  });
}

/** Whether an element carries a class. */
export function hasClass(element: Element, name: string): boolean {
  return (element.properties.className as string[] | undefined)?.includes(name) ?? false;
}
