/** Paired marks of Chinese text, opening → closing. */
const PAIRS: Record<string, string> = {'（': '）', '《': '》', '〈': '〉', '【': '】', '「': '」', '『': '』', '“': '”', '‘': '’', '(': ')', '[': ']'};
const CLOSING = new Map(Object.entries(PAIRS).map(([open, close]) => [close, open]));

/** A mark without its partner. */
export interface Unpaired {
  index: number;
  char: string;
  /** `open`: never closed; `close`: never opened. */
  kind: 'open' | 'close';
}

/**
 * Brackets and quotes without a partner in one paragraph's text. A `’` between Latin letters
 * is an apostrophe (don’t), not a closing quote.
 */
export function unpairedMarks(text: string): Unpaired[] {
  const stack: Array<{index: number; char: string}> = [];
  const found: Unpaired[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char in PAIRS) {
      stack.push({index: i, char});
      continue;
    }
    const open = CLOSING.get(char);
    if (!open) continue;
    if (char === '’' && /[A-Za-z]/.test(text[i - 1] ?? '') && /[A-Za-z]/.test(text[i + 1] ?? '')) continue;
    const at = stack.map((s) => s.char).lastIndexOf(open);
    if (at === -1) {
      found.push({index: i, char, kind: 'close'});
      continue;
    }
    // Marks opened inside and never closed before this one are unpaired.
    for (const inner of stack.splice(at).slice(1)) found.push({...inner, kind: 'open'});
  }
  for (const left of stack) found.push({...left, kind: 'open'});
  return found.sort((a, b) => a.index - b.index);
}
