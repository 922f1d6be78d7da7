import type {Element, ElementContent, Properties} from 'hast';
import {fromHtml} from 'hast-util-from-html';
import {toHtml} from 'hast-util-to-html';
import {s} from 'hastscript';
import {visit} from 'unist-util-visit';
import {declarations, isRuleShaped} from './css-shape.js';
import {foreignHtml} from './foreign-html.js';
import {type EmbedImage, fixIds, fixReferences} from './references.js';
import {ELEMENT_KEYWORD_VALUES, type ElementRule, KEYWORD_VALUES, PROPERTIES, SVG_ELEMENTS} from './schema.js';
import {svgSource} from './source.js';

/**
 * Make any SVG a user has (drawn in Illustrator, Inkscape, draw.io, saved from a web page)
 * one that EPUB 3 allows, drawing the same: what EPUBCheck refuses goes, and nothing else of
 * what is drawn. Presentation attributes an element may not carry, or with a value SVG 1.1
 * has no keyword for, move into its `style`; links become groups; references to a file
 * beside the drawing are embedded (`embed`), other references to outside it go, as do dead
 * ones; invalid or repeated ids are renamed; HTML in a `foreignObject` becomes XHTML;
 * scripts, editors' own elements and attributes, animation and SVG 2 elements go. The drawing's
 * metadata (`title`, `desc`, `metadata`) goes too: a picture in a book is named by its alt
 * text. The text comes out as UTF-8, without a DOCTYPE.
 */

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';
/** The only extension EPUB lets a `foreignObject` require. */
const OPS_NAMESPACE = 'http://www.idpf.org/2007/ops';

/** An SVG fit for EPUB, and what was changed: how often each kind (an attribute, an `<element>`, a reference). */
export interface EpubSvg {
  svg: string;
  changes: Map<string, number>;
}

/** Elements that draw nothing and need no word in the report: the drawing's metadata. */
const METADATA = new Set(['title', 'desc', 'metadata']);
/** Attributes that draw nothing, EPUB or not: namespaces, editors' data (`inkscape:label`, `data-name`), accessibility of a drawing shown as a picture. */
const SILENT = /^(?:xmlns.*|(?!xml:|xlink:)[\w.-]+:.*|data-.*|aria-.*|role|tab-?index|focusable)$/i;
/** The hast property for each attribute the schema names (`stroke-width` → `strokeWidth`), and back. */
const PROPERTY = new Map<string, string>();
const ATTRIBUTE = new Map<string, string>();
for (const name of [...Object.values(SVG_ELEMENTS).flatMap((rule) => [...rule.attributes]), ...PROPERTIES, 'href', 'lang']) {
  const property = Object.keys(s('g', {[name]: 'x'}).properties)[0]!;
  PROPERTY.set(name, property);
  ATTRIBUTE.set(property, name);
}
/** Attributes by their lower case: outside an `<svg>` the HTML parser keeps no case (`<svg:svg viewBox>`). */
const LOWER = new Map([...PROPERTY.keys()].map((name) => [name.toLowerCase(), name]));
const attributeOf = (property: string) =>
  ATTRIBUTE.get(property) ?? LOWER.get(property.toLowerCase()) ?? property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const propertyOf = (attribute: string) => PROPERTY.get(attribute) ?? attribute;

/** The schema's element names by their lower case: the HTML parser keeps the case of SVG's own names only, and `svg:rect` is a `rect`. */
const NAMES = new Map(Object.keys(SVG_ELEMENTS).map((name) => [name.toLowerCase(), name]));

/** What the root may hold: the `svg` element, as any container. */
const DOCUMENT: ElementRule = {...SVG_ELEMENTS.g!, children: new Set(['svg'])};

/** The SVG in `input` made fit for EPUB, or undefined when it holds no `<svg>` element. */
export function svgForEpub(input: Uint8Array | string, embed?: EmbedImage): EpubSvg | undefined {
  const changes = new Map<string, number>();
  const note = (kind: string) => changes.set(kind, (changes.get(kind) ?? 0) + 1);
  const tree = fromHtml(svgSource(input, note), {fragment: true});
  let found: Element | undefined;
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'svg' && node.tagName !== 'svg:svg') return undefined;
    found = node;
    return false;
  });
  if (!found) return undefined;
  const svg = cleanNode(found, DOCUMENT, note)[0] as Element;
  // A dropped element may be what another one refers to: until nothing more goes.
  for (let round = 0; round < 5 && fixReferences(svg, fixIds(svg, note), note, embed); round++);
  let usesXlink = false;
  visit(svg, 'element', (node) => {
    usesXlink ||= node.properties.xLinkHref !== undefined;
  });
  svg.properties = {xmlns: SVG_NAMESPACE, ...(usesXlink ? {xmlnsXLink: XLINK_NAMESPACE} : {}), ...svg.properties};
  // `]]>` may not stand in XML text (it closes a CDATA section); written `]]&gt;` it reads the same anywhere.
  const xml = toHtml(svg, {space: 'svg', closeEmptyElements: true, closeSelfClosing: true}).replaceAll(']]>', ']]&gt;');
  return {svg: `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`, changes};
}

/** An element cleaned, as its parent may hold it: itself, what it holds (a link in text), or nothing. */
function cleanNode(node: Element, parent: ElementRule, note: (kind: string) => void): ElementContent[] {
  let name = NAMES.get(node.tagName.replace(/^svg:/, '').toLowerCase()) ?? node.tagName;
  node.tagName = name;
  if (METADATA.has(name) || name.includes(':')) return [];
  // A link has nowhere to go from a picture in a book (EPUBCheck refuses links from an image): a group, or its text.
  if (name === 'a' || name === 'altglyph') {
    if (name === 'a') note('<a>');
    if (parent.text) return cleanContent(node.children, parent, note);
    name = node.tagName = 'g';
    for (const key of ['xLinkHref', 'href', 'target', 'xLinkTitle']) delete node.properties[key];
  }
  const rule = SVG_ELEMENTS[name];
  if (!rule || !parent.children.has(name)) {
    note(`<${name}>`);
    return [];
  }
  cleanAttributes(node, rule, note);
  // A missing `in2` is the previous result, as browsers take it: the filter names it (fixInputs).
  const missing = rule.required.filter((attribute) => attribute !== 'in2' && node.properties[propertyOf(attribute)] === undefined);
  // A stop without its offset is at 0, as browsers draw it; other elements draw nothing without theirs.
  if (name === 'stop' && missing.length > 0) node.properties.offset = '0';
  else if (missing.length > 0) {
    note(`<${name}>`);
    return [];
  }
  if (name === 'foreignObject') {
    // Another program's content (Illustrator's own data) draws nothing in a browser; HTML is kept as XHTML.
    const extensions = [node.properties.requiredExtensions ?? []].flat().join(' ').trim();
    node.children = extensions && extensions !== OPS_NAMESPACE ? [] : foreignHtml(node.children, note);
    if (node.children.length === 0) {
      note('<foreignObject>');
      return [];
    }
    return [node];
  }
  node.children = cleanContent(node.children, rule, note);
  if (name === 'style') {
    const css = node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
    if (!isRuleShaped(css)) {
      note('<style>');
      return [];
    }
    // Written as it is (hast-util-to-html escapes no style sheet): XML needs & and < escaped.
    node.children = [{type: 'text', value: css.replace(/&/g, '&amp;').replace(/</g, '&lt;')}];
  }
  // The order and number some elements need: one light for a lighting filter, at most one function per channel.
  const elements = node.children.filter((child): child is Element => child.type === 'element');
  if (name === 'feDiffuseLighting' || name === 'feSpecularLighting') {
    if (elements.length === 0) {
      note(`<${name}>`);
      return [];
    }
    node.children = elements.slice(0, 1);
  }
  if (name === 'feComponentTransfer') {
    node.children = ['feFuncR', 'feFuncG', 'feFuncB', 'feFuncA'].flatMap((channel) => elements.find((e) => e.tagName === channel) ?? []);
  }
  if (name === 'filter') fixInputs(elements, note);
  return [node];
}

/**
 * The second input of a blend, composite or displacement written out where the file left it
 * to the default (SVG 1.1 requires it): the previous primitive's result, or the source graphic.
 */
function fixInputs(primitives: Element[], note: (kind: string) => void): void {
  primitives.forEach((primitive, i) => {
    if (SVG_ELEMENTS[primitive.tagName]!.required.includes('in2') && primitive.properties.in2 === undefined) {
      const previous = primitives[i - 1];
      if (previous) previous.properties.result ??= `${primitive.tagName}-in2-${i}`;
      primitive.properties.in2 = previous ? String(previous.properties.result) : 'SourceGraphic';
      note('in2');
    }
  });
}

/** What an element holds, cleaned: text where it may hold text, white space anywhere, and the elements it may hold. */
function cleanContent(nodes: ElementContent[], rule: ElementRule, note: (kind: string) => void): ElementContent[] {
  return nodes.flatMap((node) => {
    // White space is XML's (space, tab, line ends): a no-break space is text.
    if (node.type === 'text') return rule.text || /^[ \t\r\n]*$/.test(node.value) ? [node] : [];
    return node.type === 'element' ? cleanNode(node, rule, note) : [];
  });
}

/**
 * The attributes the element may have, with values EPUBCheck takes. A presentation property
 * it may not carry (or with another value) moves into its `style`, before the declarations
 * already there, which win over it as over an attribute; where there is no `style`, the
 * declarations of one become attributes. `enable-background` goes: nothing draws it.
 */
function cleanAttributes(node: Element, rule: ElementRule, note: (kind: string) => void): void {
  const kept: Properties = {};
  const moved: string[] = [];
  for (const [property, value] of Object.entries(node.properties)) {
    if (value === undefined || value === null || value === false) continue;
    let attribute = attributeOf(property);
    const text = Array.isArray(value) ? value.join(' ') : String(value);
    if (SILENT.test(attribute) || (attribute === 'style' && !rule.styled)) continue;
    if (attribute === 'href') attribute = 'xlink:href';
    if (attribute === 'lang') attribute = 'xml:lang';
    if (rule.attributes.has(attribute) && isValid(node.tagName, attribute, text)) kept[propertyOf(attribute)] = value;
    else if (PROPERTIES.has(attribute) && attribute !== 'enable-background' && rule.styled && !/[<;]/.test(text)) {
      moved.push(`${attribute}:${text}`);
      note(attribute);
    } else note(/^on/i.test(attribute) ? 'on… 脚本' : attribute);
  }
  const style = String(node.properties.style ?? '');
  if (!rule.styled && style) {
    const {read, unread} = declarations(style);
    for (const [name, value] of read) {
      if (rule.attributes.has(name) && isValid(node.tagName, name, value)) kept[propertyOf(name)] = value;
      else note('style');
    }
    if (unread > 0) note('style');
  }
  // Only declarations a CSS parser reads: EPUBCheck parses every style attribute.
  const {read, unread} = declarations([...moved, kept.style ?? ''].join(';'));
  if (unread > 0) note('style');
  if (read.length > 0) kept.style = read.map(([name, value]) => `${name}:${value}`).join(';');
  else delete kept.style;
  node.properties = kept;
}

function isValid(element: string, attribute: string, value: string): boolean {
  const keywords = ELEMENT_KEYWORD_VALUES[element]?.[attribute] ?? KEYWORD_VALUES[attribute];
  return !value.includes('<') && (!keywords || keywords.test(value.trim()));
}
