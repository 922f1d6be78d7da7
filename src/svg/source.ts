/**
 * The text of an SVG file as the HTML parser that reads drawings should get it: decoded by
 * its byte order mark or declared encoding, the entities its DOCTYPE declares written out and
 * the DOCTYPE gone, and tags closed in themselves (XML's empty elements) written open and closed.
 */

/**
 * A tag closed in itself, as XML writes empty elements (`<i:pgfRef/>`): the HTML parser
 * that reads the file would leave it open inside `foreignObject`, and take what follows
 * into it. Written open and closed, it reads as XML means it.
 */
const SELF_CLOSED = /<([A-Za-z][\w:.-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/>/g;
/** HTML's empty elements, which a closing tag would double (`</br>` reads as another `<br>`). */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** The text of an SVG file, ready for the HTML parser; `note` is told of what EPUB would refuse (an encoding other than UTF, a DOCTYPE). */
export function svgSource(input: Uint8Array | string, note: (kind: string) => void): string {
  const decoded = typeof input === 'string' ? {text: input, encoding: 'UTF-8'} : decodeXml(input);
  if (!/^UTF-(?:8|16)/.test(decoded.encoding)) note(`${decoded.encoding} 编码`);
  return withEntities(decoded.text, note).replace(SELF_CLOSED, (tag, name: string, attributes: string) =>
    VOID.has(name.toLowerCase()) ? tag : `<${name}${attributes}></${name}>`,
  );
}

/** An SVG file's text: UTF-8 or UTF-16 by its byte order mark, else the encoding its XML declaration names (GBK, Big5 …), else UTF-8. */
function decodeXml(bytes: Uint8Array): {text: string; encoding: string} {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0x3c && bytes[1] === 0) ? 'UTF-16LE' : undefined;
  const encoding =
    utf16 ??
    ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0 && bytes[1] === 0x3c) ? 'UTF-16BE' : undefined) ??
    /^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*encoding\s*=\s*["']([\w.-]+)/.exec(Buffer.from(bytes.subarray(0, 200)).toString('latin1'))?.[1]?.toUpperCase() ??
    'UTF-8';
  try {
    return {text: new TextDecoder(encoding).decode(bytes), encoding};
  } catch {
    return {text: new TextDecoder('utf-8').decode(bytes), encoding: 'UTF-8'};
  }
}

/**
 * The text with the entities its DOCTYPE declares written out (Illustrator declares the
 * namespaces so: `<!ENTITY ns_svg "http://www.w3.org/2000/svg">`), and the DOCTYPE gone:
 * EPUB refuses external DTDs, and nothing else reads it.
 */
function withEntities(text: string, note: (kind: string) => void): string {
  const doctype = /<!DOCTYPE[^[>]*(?:\[([\s\S]*?)\])?\s*>/i.exec(text);
  if (!doctype) return text;
  note('DOCTYPE');
  const entities = new Map([...(doctype[1] ?? '').matchAll(/<!ENTITY\s+([\w.:-]+)\s+(["'])([\s\S]*?)\2\s*>/g)].map((m) => [m[1]!, m[3]!]));
  const body = text.slice(0, doctype.index) + text.slice(doctype.index + doctype[0].length);
  return entities.size === 0 ? body : body.replace(/&([\w.:-]+);/g, (all, name: string) => entities.get(name) ?? all);
}
