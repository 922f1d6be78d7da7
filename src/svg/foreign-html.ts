import type {Element, ElementContent, Properties} from 'hast';
import {declarations} from './css-shape.js';

/**
 * The HTML inside an SVG's `foreignObject` made what EPUB allows there: XHTML flow content.
 * Diagram editors (draw.io) write their labels so, wrapped text and lists in boxes, with a
 * plain `<text>` fallback that loses the wrapping and much of the text: the labels are kept.
 * Blocks, lists and the common inline elements stay with their `style`; `font` becomes a
 * `span` and `align` a `text-align`, with the same look; other elements give up their text to
 * their parent; links, pictures and scripts go.
 */

const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
const BLOCKS = new Set(['div', 'p', 'ul', 'ol', 'li']);
/** Inline elements, and the look each would keep as a `div` (when it has to hold a block). */
const INLINE: Readonly<Record<string, string>> = {
  span: '',
  b: 'font-weight:bold',
  strong: 'font-weight:bold',
  i: 'font-style:italic',
  em: 'font-style:italic',
  u: 'text-decoration:underline',
  s: 'text-decoration:line-through',
  strike: 'text-decoration:line-through',
  small: 'font-size:smaller',
  sub: 'vertical-align:sub;font-size:smaller',
  sup: 'vertical-align:super;font-size:smaller',
  code: 'font-family:monospace',
  br: '',
};
/** What goes with everything it holds. */
const DROPPED = new Set([
  'script',
  'style',
  'img',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'canvas',
  'svg',
  'math',
  'input',
  'button',
  'select',
  'textarea',
  'template',
]);

/** A `foreignObject`'s content as XHTML, or nothing when it holds no text. */
export function foreignHtml(nodes: ElementContent[], note: (kind: string) => void): ElementContent[] {
  const content = cleanHtml(nodes, note);
  if (!content.some((node) => (node.type === 'text' ? node.value.trim() : node.type === 'element'))) return [];
  // The top elements name their namespace: the file is XML.
  return content.map((node) => (node.type === 'element' ? {...node, properties: {xmlns: XHTML_NAMESPACE, ...node.properties}} : node));
}

function cleanHtml(nodes: ElementContent[], note: (kind: string) => void, inList = false): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type === 'text') return [node];
    if (node.type !== 'element') return [];
    let name = node.tagName.toLowerCase();
    if (DROPPED.has(name)) {
      note(`<${name}>`);
      return [];
    }
    const children = cleanHtml(node.children, note, name === 'ul' || name === 'ol');
    if (name === 'li' && !inList) name = 'div';
    const style = [String(node.properties.style ?? '')];
    // HTML 4's presentation attributes, which XHTML has no more: the same style.
    if (node.properties.align) style.unshift(`text-align:${node.properties.align}`);
    if (name === 'font') {
      // HTML 4's font: its colour and face as the same style.
      if (node.properties.color) style.unshift(`color:${node.properties.color}`);
      if (node.properties.face) style.unshift(`font-family:${node.properties.face}`);
      name = 'span';
    }
    if (!BLOCKS.has(name) && INLINE[name] === undefined) return children;
    // An inline element or a paragraph may not hold a block: it becomes a block that looks the same.
    if ((INLINE[name] !== undefined || name === 'p') && children.some((c) => c.type === 'element' && BLOCKS.has(c.tagName))) {
      style.unshift(INLINE[name] ?? '');
      name = 'div';
    }
    const properties: Properties = {};
    // Only declarations a CSS parser reads: EPUBCheck parses every style attribute.
    const css = declarations(style.filter(Boolean).join(';')).read;
    if (css.length > 0) properties.style = css.map(([property, value]) => `${property}:${value}`).join(';');
    if (node.properties.className) properties.className = node.properties.className;
    if (node.properties.dir) properties.dir = node.properties.dir;
    const element: Element = {type: 'element', tagName: name, properties, children: name === 'br' ? [] : children};
    // A list holds items only: anything else in one is put in an item.
    if (name === 'ul' || name === 'ol')
      element.children = children
        .filter((c) => c.type !== 'text' || c.value.trim())
        .map((c) => (c.type === 'element' && c.tagName === 'li' ? c : {type: 'element', tagName: 'li', properties: {}, children: [c]}));
    return [element];
  });
}
