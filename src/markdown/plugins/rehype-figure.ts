import type {Element, ElementContent, Root} from 'hast';
import {toString as textOf} from 'hast-util-to-string';
import {visit, SKIP} from '../visit.js';
import type {VFile} from 'vfile';

/** A newspaper caption paragraph: `▲` then the caption (clreq / house rule 16). */
const TRIANGLE = /^\s*[▲△]\s*/;

/**
 * Turn a paragraph holding only an image into `<figure>` with a `<figcaption>`. The caption is
 * the image title, else a following `▲…` paragraph (the habit of news copy), else the alt text.
 */
export default function rehypeFigure() {
  return (tree: Root, file: VFile): void => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'p' || !parent || index === undefined) return;
      const image = loneImage(node);
      if (!image) return;

      const next = nextElement(parent.children, index);
      const triangle = next && next.node.tagName === 'p' && TRIANGLE.test(textOf(next.node)) ? next : undefined;
      let caption: ElementContent[] = [];
      const title = image.properties.title;
      if (typeof title === 'string' && title.trim()) {
        caption = [{type: 'text', value: title.trim()}];
        delete image.properties.title;
      } else if (triangle) {
        caption = stripTriangle(triangle.node.children);
      } else if (typeof image.properties.alt === 'string' && image.properties.alt.trim()) {
        caption = [{type: 'text', value: image.properties.alt.trim()}];
      }
      if (triangle) parent.children.splice(triangle.index, 1);
      if (caption.length === 0) {
        file.message('图片没有说明文字：可写在 `![说明](图片路径)` 的方括号里', {
          place: node.position,
          ruleId: 'figure-caption',
          source: 'huibian',
        });
      }
      const figure: Element = {
        type: 'element',
        tagName: 'figure',
        properties: {},
        children: [image],
        position: node.position,
      };
      if (caption.length > 0) {
        figure.children.push({type: 'element', tagName: 'figcaption', properties: {}, children: caption});
        if (!image.properties.alt) image.properties.alt = textOf({type: 'root', children: caption});
      }
      parent.children[index] = figure;
      return SKIP;
    });
  };
}

function loneImage(paragraph: Element): Element | undefined {
  const meaningful = paragraph.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
  const only = meaningful[0];
  return meaningful.length === 1 && only?.type === 'element' && only.tagName === 'img' ? only : undefined;
}

function nextElement(siblings: Root['children'], index: number): {node: Element; index: number} | undefined {
  for (let i = index + 1; i < siblings.length; i++) {
    const sibling = siblings[i]!;
    if (sibling.type === 'text' && !sibling.value.trim()) continue;
    return sibling.type === 'element' ? {node: sibling, index: i} : undefined;
  }
  return undefined;
}

function stripTriangle(children: ElementContent[]): ElementContent[] {
  const [first, ...rest] = children;
  if (first?.type !== 'text') return children;
  const value = first.value.replace(TRIANGLE, '');
  return value ? [{...first, value}, ...rest] : rest;
}
