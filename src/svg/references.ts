import {readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import type {Element} from 'hast';
import {visit} from 'unist-util-visit';
import {IMAGE_TYPES} from '../files/media-types.js';

/**
 * The references inside an SVG drawing made ones EPUBCheck accepts: ids XML allows, once
 * each; `url(#…)` and `xlink:href` naming an element of the kind they need, or a picture
 * embedded as `data:`; nothing that reaches outside the file.
 */

/** A picture the drawing refers to by file name (`<image xlink:href="photo.png">`), as a `data:` URL; undefined when there is none. */
export type EmbedImage = (href: string) => string | undefined;

/** The attributes that refer to other elements with `url(…)` (in `style`, references are only renamed: EPUBCheck reads no CSS). */
const URL_PROPERTIES = new Set(['fill', 'stroke', 'clipPath', 'mask', 'filter', 'markerStart', 'markerMid', 'markerEnd', 'cursor', 'style']);
/** References in an attribute's value: `url(#gradient)`. */
const URL = /url\(\s*(['"]?)(.*?)\1\s*\)/g;
/** Characters of an XML name without a colon (an NCName), the only ids XML allows. */
const NAME_START =
  'A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040`;
const NOT_NAME_CHAR = new RegExp(`[^${NAME_CHAR}]`, 'g');
const NAME = new RegExp(`^[${NAME_START}][${NAME_CHAR}]*$`);

/** The pictures a drawing may embed: those every EPUB reader shows. */
const EMBEDDABLE = new Set(['image/png', 'image/jpeg', 'image/gif']);

/** Pictures beside the SVG file `svgFile` (`<image xlink:href="photo.png">`), embedded as `data:` URLs. */
export function embedBeside(svgFile: string): EmbedImage {
  return (href) => {
    let file: string;
    try {
      file = path.resolve(path.dirname(svgFile), decodeURIComponent(href.split(/[?#]/)[0]!));
    } catch {
      return undefined;
    }
    const type = IMAGE_TYPES[path.extname(file).toLowerCase()];
    if (!type || !EMBEDDABLE.has(type) || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(href) || !statSync(file, {throwIfNoEntry: false})?.isFile()) return undefined;
    return `data:${type};base64,${readFileSync(file).toString('base64')}`;
  };
}

/** The drawing's ids, each with the element that has it, and the ids that had to be renamed. */
export interface Ids {
  elements: Map<string, string>;
  renamed: Map<string, string>;
}

/**
 * Ids XML accepts, once each: an invalid one (`1abc`, `图层 1`) gets its characters mended,
 * a repeated one a number. References follow the first element that had the id, as browsers do.
 */
export function fixIds(svg: Element, note: (kind: string) => void): Ids {
  const elements = new Map<string, string>();
  const renamed = new Map<string, string>();
  visit(svg, 'element', (node) => {
    const id = node.properties.id;
    if (id === undefined) return;
    const original = String(id);
    let fixed = original.replace(NOT_NAME_CHAR, '_');
    if (!NAME.test(fixed)) fixed = `_${fixed}`;
    for (let n = 2; elements.has(fixed); n++) fixed = `${fixed.replace(/-\d+$/, '')}-${n}`;
    if (fixed !== original) {
      note('id');
      if (!renamed.has(original) && !elements.has(original)) renamed.set(original, fixed);
      node.properties.id = fixed;
    }
    elements.set(fixed, node.tagName);
  });
  return {elements, renamed};
}

const PAINT_SERVERS = ['linearGradient', 'radialGradient', 'pattern'];
const DRAWN = ['svg', 'symbol', 'g', 'use', 'image', 'text', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon'];
/** What each reference may name (EPUBCheck refuses a fill that names a rectangle). */
const TARGETS: Readonly<Record<string, readonly string[]>> = {
  fill: PAINT_SERVERS,
  stroke: PAINT_SERVERS,
  clipPath: ['clipPath'],
  mask: ['mask'],
  filter: ['filter'],
  markerStart: ['marker'],
  markerMid: ['marker'],
  markerEnd: ['marker'],
  cursor: [],
  linearGradient: ['linearGradient', 'radialGradient'],
  radialGradient: ['linearGradient', 'radialGradient'],
  pattern: ['pattern'],
  filterElement: ['filter'],
  textPath: ['path'],
  use: DRAWN,
  feImage: DRAWN,
};

/**
 * References kept only where EPUBCheck finds what they name, of the kind they need: inside
 * the drawing, or a picture embedded as `data:`. A paint that names nothing becomes its
 * fallback colour or none (as browsers draw it), other attributes go, and an element that is
 * nothing without its reference (`use`, `textPath`, an image) goes. Whether an element went.
 */
export function fixReferences(svg: Element, {elements, renamed}: Ids, note: (kind: string) => void, embed?: EmbedImage): boolean {
  /** The id a reference names, renamed as its element was, if it names one of `kinds` (any, without them). */
  const inside = (target: string, kinds?: readonly string[]) => {
    if (!target.startsWith('#')) return undefined;
    let id = target.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // Not percent-encoded: the id as written.
    }
    id = renamed.get(id) ?? id;
    const kind = elements.get(id);
    return kind !== undefined && (!kinds || kinds.includes(kind)) ? id : undefined;
  };
  const rename = (css: string) => css.replace(URL, (all, _quote, to: string) => (inside(to) ? `url(#${inside(to)})` : all));
  let dropped = false;
  visit(svg, 'element', (node, index, parent) => {
    for (const [property, value] of Object.entries(node.properties)) {
      if (typeof value !== 'string' || !URL_PROPERTIES.has(property) || !value.includes('url(')) continue;
      if (property === 'style') {
        node.properties.style = rename(value);
        continue;
      }
      const broken = [...value.matchAll(URL)].some((url) => inside(url[2]!, TARGETS[property]) === undefined);
      if (!broken) node.properties[property] = rename(value);
      else {
        note(target(value));
        if (property === 'fill' || property === 'stroke') node.properties[property] = value.replace(URL, '').trim() || 'none';
        else delete node.properties[property];
      }
    }
    if (node.tagName === 'style') for (const child of node.children) if (child.type === 'text') child.value = rename(child.value);
    const href = node.properties.xLinkHref;
    if (typeof href !== 'string') return undefined;
    const id = inside(href, TARGETS[node.tagName === 'filter' ? 'filterElement' : node.tagName]);
    if (id !== undefined) {
      node.properties.xLinkHref = `#${id}`;
      return undefined;
    }
    const picture = node.tagName === 'image' || node.tagName === 'feImage';
    if (picture && /^data:image\//i.test(href.trim())) {
      node.properties.xLinkHref = href.replace(/\s+/g, '');
      return undefined;
    }
    const embedded = picture && !href.startsWith('#') ? embed?.(href) : undefined;
    if (embedded) {
      node.properties.xLinkHref = embedded;
      note('嵌入的图片');
      return undefined;
    }
    note(target(href));
    if (['image', 'feImage', 'use', 'textPath'].includes(node.tagName) && parent && index !== undefined) {
      parent.children.splice(index, 1);
      dropped = true;
      return index;
    }
    delete node.properties.xLinkHref;
    return undefined;
  });
  return dropped;
}

/** How the report names a reference that had to go. */
function target(reference: string): string {
  return /(?:^|url\(\s*['"]?)#/.test(reference) ? '失效的内部引用' : '外部引用';
}
