import {isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node} from 'yaml';

/** A parsed YAML document that can say where each value stands, for messages that point at a line. */
export interface PlacedYaml {
  doc: Document.Parsed;
  /** Line/column (1-based) of a character offset in the YAML text (for syntax errors). */
  at(offset: number): {line: number; column: number};
  /** Line/column (1-based) of the value at `path`, or of its nearest existing ancestor; the key itself with `key: true`. */
  placeOf(path: ReadonlyArray<PropertyKey>, options?: {key?: boolean}): {line: number; column: number};
}

/** Parse YAML text keeping positions; `offset` shifts places (front matter starts below line 1). */
export function parsePlacedYaml(text: string, lineOffset = 0): PlacedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true});
  const at = (offset: number) => {
    const {line, col} = lineCounter.linePos(offset);
    return {line: line + lineOffset, column: col};
  };
  return {
    doc,
    at,
    placeOf(path, options) {
      let node: unknown = doc.contents;
      let place = at(rangeStart(node) ?? 0);
      for (const [index, segment] of path.entries()) {
        if (!isMap(node) && !(node && typeof node === 'object' && 'items' in node)) break;
        const items = (node as {items: unknown[]}).items;
        let next: unknown;
        if (isMap(node)) {
          const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === segment);
          if (!pair) break;
          if (options?.key && index === path.length - 1) return at(rangeStart(pair.key) ?? 0);
          next = pair.value ?? pair.key;
        } else if (typeof segment === 'number') {
          next = items[segment];
        }
        if (next === undefined) break;
        node = next;
        const start = rangeStart(node);
        if (start !== undefined) place = at(start);
      }
      return place;
    },
  };
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}
