import {readFile} from 'node:fs/promises';
import type {Element, Root} from 'hast';
import {fromHtml} from 'hast-util-from-html';
import {visit, SKIP} from 'unist-util-visit';
import {convertedText, convertTree} from '../../book/script-conversion.js';
import {copyTree} from './copy-tree.js';
import type {Asset, BookMeta} from '../../model/book.js';

/**
 * Elements that could run code, reach outside the book or restyle the whole page, and the
 * drawing's metadata (`title`, `desc`: never drawn; the figure's alt text names it instead).
 */
const DROPPED = new Set(['script', 'foreignObject', 'style', 'iframe', 'object', 'embed', 'title', 'desc', 'metadata']);

/**
 * Read the book's SVG images as trees to inline into the print document. An SVG drawn
 * through `<img>` is a separate document that cannot see the book's web fonts, so Chromium
 * sets its text in whatever system font it finds (a Type 3 font in the PDF, or none); inline,
 * its text uses the book's fonts. Unsafe parts are dropped; an SVG that is not well formed
 * stays an image. In a book converted to the other script (`--to`) the drawing's text is
 * converted with the book's; otherwise it is drawn as written.
 */
export async function loadSvgs(
  assets: Asset[],
  {language, convertedFrom}: Pick<BookMeta, 'language' | 'convertedFrom'> = {language: 'zh-Hans'},
): Promise<Map<string, Element>> {
  const convert = convertedFrom ? convertedText(convertedFrom, language) : undefined;
  const svgs = new Map<string, Element>();
  for (const asset of assets) {
    if (asset.mediaType !== 'image/svg+xml') continue;
    const tree = fromHtml(await readFile(asset.path, 'utf8'), {fragment: true});
    const svg = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'svg');
    if (!svg) continue;
    if (convert) convertTree({type: 'root', children: [svg]}, convert);
    svgs.set(asset.url, cleanSvg(svg));
  }
  return svgs;
}

function cleanSvg(svg: Element): Element {
  const root: Root = {type: 'root', children: [svg]};
  visit(root, 'element', (node, index, parent) => {
    if (DROPPED.has(node.tagName) && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    for (const key of Object.keys(node.properties)) {
      const value = node.properties[key];
      if (/^on/i.test(key)) delete node.properties[key];
      // Only links inside the drawing (gradients, clip paths) and embedded pictures; nothing outside.
      const isLink = key === 'href' || key === 'xLinkHref';
      if (isLink && typeof value === 'string' && !value.startsWith('#') && !value.startsWith('data:image/')) delete node.properties[key];
    }
    return undefined;
  });
  return svg;
}

/**
 * A copy of `svg` for one place in the document: ids get `prefix` so two drawings (or one
 * drawn twice) never share one, and the accessible name is the figure's alt text.
 */
export function placeSvg(svg: Element, prefix: string, alt: string): Element {
  const copy = copyTree(svg);
  const rename = (value: string) => value.replace(/url\(\s*#([^)\s]+)\s*\)/g, `url(#${prefix}-$1)`).replace(/^#(.+)$/, `#${prefix}-$1`);
  visit(copy, 'element', (node) => {
    for (const [key, value] of Object.entries(node.properties)) {
      if (key === 'id' && typeof value === 'string') node.properties.id = `${prefix}-${value}`;
      else if (typeof value === 'string' && (value.includes('url(#') || ((key === 'href' || key === 'xLinkHref') && value.startsWith('#')))) {
        node.properties[key] = rename(value);
      }
    }
  });
  copy.properties.role = 'img';
  copy.properties.ariaLabel = alt;
  copy.properties.className = ['figure-svg'];
  return copy;
}

/** Replace each `<img>` of an SVG asset in `tree` (in place) by the inline drawing. */
export function inlineSvgImages(tree: Root, svgs: Map<string, Element>, idPrefix: string): void {
  let count = 0;
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'img' || !parent || index === undefined) return;
    const svg = svgs.get(String(node.properties.src));
    if (!svg) return;
    parent.children[index] = placeSvg(svg, `${idPrefix}-svg${++count}`, String(node.properties.alt ?? ''));
  });
}
