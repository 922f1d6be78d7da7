/** A declaration as CSS parsers read one: a property name, a colon, a value without braces or stray quotes. */
const DECLARATION = /^\s*-?[A-Za-z_][\w-]*\s*:\s*(?:[^{}"'\s]|"[^"]*"|'[^']*'|\([^)]*\))(?:[^{}"']|"[^"]*"|'[^']*'|\([^)]*\))*$/;

/**
 * A `style` attribute's declarations as `[property, value]`, split where no bracket or quote
 * holds the semicolon, and how many of its parts are not declarations a CSS parser reads.
 */
export function declarations(style: string): {read: Array<[string, string]>; unread: number} {
  const read: Array<[string, string]> = [];
  let unread = 0;
  for (const part of style.match(/(?:[^;("']|\([^)]*\)|"[^"]*"|'[^']*'|["'(])+/g) ?? []) {
    if (!part.trim()) continue;
    const colon = part.indexOf(':');
    if (colon > 0 && DECLARATION.test(part)) read.push([part.slice(0, colon).trim().toLowerCase(), part.slice(colon + 1).trim()]);
    else unread++;
  }
  return {read, unread};
}

/**
 * Whether a style sheet is made of rules as CSS writes them: `selector { property: value; … }`,
 * at-rules that end in `;` or hold a block (`@media … { rules }`, `@font-face { … }`), and
 * comments. EPUBCheck parses the style sheets of an EPUB's SVG pictures and refuses one it
 * cannot read; a sheet of another shape is better left out than shipped. Values are not
 * checked: only the shape that a parser needs.
 */
export function isRuleShaped(css: string): boolean {
  const text = css
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""')
    .replace(/url\([^)]*\)/gi, 'url()');
  const rest = text.replace(/""/g, '');
  if (rest.includes('/*') || /["']/.test(rest)) return false;
  return rules(text, 0) === text.length;
}

/** Where a run of rules starting at `at` ends (at a `}` or the end), or -1 when one is not shaped so. */
function rules(text: string, at: number): number {
  let i = at;
  while (i < text.length) {
    const start = i + (/^\s*/.exec(text.slice(i))?.[0].length ?? 0);
    if (start >= text.length || text[start] === '}') return start;
    const head = /^[^{};]*/.exec(text.slice(start))![0];
    const after = start + head.length;
    if (!head.trim()) return -1;
    if (text[after] === ';') {
      if (!head.trimStart().startsWith('@')) return -1;
      i = after + 1;
      continue;
    }
    if (text[after] !== '{') return -1;
    // A block holds rules (@media, @supports) or declarations (a selector's, @font-face, @page).
    const nested = /^\s*@(?:media|supports|document|layer|container)\b/i.test(head);
    const end = nested ? rules(text, after + 1) : declarationsEnd(text, after + 1);
    if (end < 0 || text[end] !== '}') return -1;
    i = end + 1;
  }
  return i;
}

/** Where a block of `property: value` declarations starting at `at` ends (at its `}`), or -1. */
function declarationsEnd(text: string, at: number): number {
  const end = text.indexOf('}', at);
  if (end < 0 || text.slice(at, end).includes('{')) return -1;
  const block = text.slice(at, end);
  const parts = block.split(';').filter((part) => part.trim());
  return parts.every((part) => DECLARATION.test(part)) ? end : -1;
}
