import type {Element, ElementContent, Root, Text} from 'hast';
import {SKIP, visit} from 'unist-util-visit';

/** Mainland vertical quotes (clreq; docs/typography.md rule 4): “” → 『』, ‘’ → 「」. */
const VERTICAL_QUOTES: Record<string, string> = {'“': '『', '”': '』', '‘': '「', '’': '」'};

/** Elements whose text stays horizontal or is not prose: left alone. */
const HORIZONTAL = new Set(['code', 'pre', 'kbd', 'samp', 'svg', 'math', 'table', 'script', 'style']);

/** How one run of ASCII letters and digits is set in vertical text (rule 11). */
export type RunStyle = 'combine' | 'upright' | 'sideways';

/**
 * 1–2 digits, or two characters mixing a digit and a letter (5G), sit upright in one em
 * (縦中横); all-caps words of up to 4 letters stand letter by letter (GDP); longer runs
 * (years, 97.5%, words) are turned sideways, the browser's default.
 */
export function runStyle(run: string): RunStyle {
  if (/^\d{1,2}$/.test(run) || (/^[0-9A-Za-z]{2}$/.test(run) && /\d/.test(run))) return 'combine';
  if (/^[A-Z]{1,4}$/.test(run)) return 'upright';
  return 'sideways';
}

/** Vertical quotes in a string. */
export function verticalQuotes(text: string): string {
  return text.replace(/[“”‘’]/g, (q) => VERTICAL_QUOTES[q]!);
}

/**
 * Prepare a tree for vertical-rl: quotes to corner brackets, short number and acronym runs
 * wrapped in `span.tcy` (text-combine-upright) or `span.upright`. Works in place.
 */
export function verticalize(tree: Root): void {
  visit(tree, (node, index, parent) => {
    if (node.type === 'element' && HORIZONTAL.has(node.tagName)) return SKIP;
    if (node.type !== 'text' || !parent || index === undefined) return undefined;
    if ((parent as Element).tagName === 'span' && hasClass(parent as Element, ['tcy', 'upright'])) return undefined;
    const pieces = splitRuns(verticalQuotes(node.value), node);
    parent.children.splice(index, 1, ...pieces);
    return [SKIP, index + pieces.length];
  });
}

function splitRuns(value: string, original: Text): ElementContent[] {
  const out: ElementContent[] = [];
  let last = 0;
  // A run is bounded by non-ASCII-alphanumerics; '.', '%', ',' and ':' glue a run together (97.5%, 1,200, 8:30).
  for (const match of value.matchAll(/[0-9A-Za-z]+(?:[.,:%][0-9A-Za-z%]+)*%?/g)) {
    const style = runStyle(match[0]);
    if (style === 'sideways') continue;
    if (match.index > last) out.push({type: 'text', value: value.slice(last, match.index)});
    out.push({
      type: 'element',
      tagName: 'span',
      properties: {className: [style === 'combine' ? 'tcy' : 'upright']},
      children: [{type: 'text', value: match[0]}],
    });
    last = match.index + match[0].length;
  }
  if (last === 0) return [{...original, value}];
  if (last < value.length) out.push({type: 'text', value: value.slice(last)});
  return out;
}

function hasClass(element: Element, names: string[]): boolean {
  const classes = element.properties.className;
  return Array.isArray(classes) && classes.some((c) => names.includes(String(c)));
}
