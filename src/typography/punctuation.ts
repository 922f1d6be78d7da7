/**
 * Normalizing news copy (docs/typography.md rule 2, GB/T 15834): half-width punctuation that
 * touches Han becomes full-width, ellipses and dashes take their Chinese forms, name dots
 * become `·`. Latin words, numbers (97.5%, 1,200, 8:30), URLs and code are left alone.
 *
 * Every rule returns edits rather than a new string, so that the Markdown plugin can apply
 * them to text nodes and `huibian check --fix` can apply the very same edits to the source.
 */

/** One change to a text: replace `[start, end)` by `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
  /** Rule id, for messages (`huibian:<rule>`). */
  rule: 'punctuation' | 'ellipsis' | 'dash' | 'middle-dot' | 'range' | 'quotes' | 'space' | 'punctuation-space';
}

/** Text around a run being normalized (the neighbouring text nodes), for context at its edges. */
export interface Context {
  before?: string;
  after?: string;
}

const HAN = /\p{Script=Han}/u;
/** Full-width punctuation and CJK symbols: they make a CJK context like Han does. */
const CJK_PUNCTUATION = /[\u3000-\u303F\uFF00-\uFFEF“”‘’《》〈〉…—·]/u;

/** Is `char` Han or CJK punctuation? */
export function isCjk(char: string | undefined): boolean {
  return char !== undefined && (HAN.test(char) || CJK_PUNCTUATION.test(char));
}

const FULL_WIDTH: Record<string, string> = {',': '，', '.': '。', ':': '：', ';': '；', '?': '？', '!': '！'};
/** The characters the last pass of {@link punctuationEdits} looks at: the marks above, parentheses and name dots. */
const MARKS = new Set([...Object.keys(FULL_WIDTH), '(', ')', '・', '•', '‧', '．']);

/** Apply non-overlapping edits (in any order) to `text`. */
export function applyEdits(text: string, edits: Edit[]): string {
  let out = '';
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

/** Quotation marks, straight or curly: a mark alone between two of them is quoted literally (`"."`). */
const QUOTE = /["'“”‘’「」『』]/u;
const LATIN = /[0-9A-Za-z]/;
const DIGIT = /[0-9]/;
/** What may follow a mark that begins a Latin token: `.ssh`, `:help`, `./configure`, `.5`. */
const TOKEN_START = /[0-9A-Za-z_/~-]/;

/**
 * What every rule of {@link punctuationEdits} starts from: an ASCII mark, a dot or dash to
 * unify, `~`, or three `。`. Most Chinese text has none (its marks are full-width already).
 */
const MAY_CHANGE = /[.,:;?!()~\-—…・•‧．]|。。。/;

/**
 * Edits that normalize the punctuation of `text` (see the module comment), in one pass over
 * the original: a mark that becomes full-width can make its neighbour's context CJK, so
 * callers that want the final text repeat until nothing changes (see `normalizeText`).
 *
 * Only marks that punctuate the Chinese sentence change (docs/typography.md rule 21): a mark
 * alone inside quotes (`"."`), one that begins a Latin token (`:help`, `.ssh`), one inside a
 * number (97.5%, 1,200, 8:30, 3:2) or a Latin token (`README.Debian`) stays ASCII; a comma
 * after a Latin or digit run is Chinese when Chinese text follows (`3.14,A4纸`, `Pro,增长`).
 */
export function punctuationEdits(text: string, context: Context = {}): Edit[] {
  if (!MAY_CHANGE.test(text) || looksLikeUrl(text)) return [];
  const chars = [...text];
  // Work in code units for offsets; chars of the BMP are one unit each, others two.
  const offsets: number[] = [];
  let unit = 0;
  for (const c of chars) {
    offsets.push(unit);
    unit += c.length;
  }
  offsets.push(unit);
  const lastBefore = context.before ? [...context.before].at(-1) : undefined;
  const afterChars = context.after ? [...context.after] : [];
  const at = (i: number) => (i < 0 ? lastBefore : i >= chars.length ? afterChars[i - chars.length] : chars[i]);
  const edits: Edit[] = [];
  const replace = (from: number, to: number, value: string, rule: Edit['rule']) => edits.push({start: offsets[from]!, end: offsets[to]!, text: value, rule});
  const taken = new Set<number>();

  // Ellipses: ... or 。。。 (three or more), a lone … → ……
  for (const match of text.matchAll(/\.{3,}|。{3,}|…+/g)) {
    const from = indexOfUnit(offsets, match.index);
    const to = indexOfUnit(offsets, match.index + match[0].length);
    const near = isCjk(at(from - 1)) || isCjk(at(to)) || match[0].startsWith('。') || match[0].startsWith('…');
    if (!near || match[0] === '……') continue;
    replace(from, to, '……', 'ellipsis');
    for (let i = from; i < to; i++) taken.add(i);
  }
  // Dashes: a lone — (or -- / ——— ) between CJK → ——
  for (const match of text.matchAll(/-{2,3}|—+/g)) {
    const from = indexOfUnit(offsets, match.index);
    const to = indexOfUnit(offsets, match.index + match[0].length);
    if (match[0] === '——' || !(isCjk(at(from - 1)) && isCjk(at(to)))) continue;
    replace(from, to, '——', 'dash');
    for (let i = from; i < to; i++) taken.add(i);
  }
  // Ranges: 15~20℃, 60 ~ 70%, 3%~5% → 15～20℃ (GB/T 15834 浪纹线); never ~/.ssh or ~user.
  for (const match of text.matchAll(/ *~ */g)) {
    const from = indexOfUnit(offsets, match.index);
    const to = indexOfUnit(offsets, match.index + match[0].length);
    if (!/[0-9%℃°]/.test(at(from - 1) ?? '') || !DIGIT.test(at(to) ?? '')) continue;
    replace(from, to, '～', 'range');
    for (let i = from; i < to; i++) taken.add(i);
  }

  // Parentheses pair over the whole block: a link or emphasis may stand between them (`(被 **gbp** 使用)`).
  // The block and its pairs are made when the first parenthesis is met.
  let block: string[] = [];
  let beforeCount = 0;
  let pairs: Map<number, [number, number]> | undefined;
  const pairOf = (i: number) => {
    if (!pairs) {
      const beforeChars = context.before ? [...context.before] : [];
      beforeCount = beforeChars.length;
      block = [...beforeChars, ...chars, ...afterChars];
      pairs = parenPairs(block);
    }
    return pairs.get(beforeCount + i);
  };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (!MARKS.has(c) || taken.has(i)) continue;
    const prev = at(i - 1);
    const next = at(i + 1);
    if (c in FULL_WIDTH) {
      // A run of marks (“!:”, “?!”) goes together: it touches Han if either end does.
      let last = i;
      while (last + 1 < chars.length && chars[last + 1]! in FULL_WIDTH && !taken.has(last + 1)) last++;
      if (isSentenceMark(chars.slice(i, last + 1).join(''), i, last, at)) {
        let end = last + 1;
        // The spaces typed after a half-width mark go with it: a full-width mark has its own.
        while (chars[end] === ' ') end++;
        const marks = chars
          .slice(i, last + 1)
          .map((m) => FULL_WIDTH[m]!)
          .join('');
        replace(i, end, marks, 'punctuation');
      }
      i = last;
      continue;
    }
    const pair = c === '(' || c === ')' ? pairOf(i) : undefined;
    if (pair) {
      const [open, close] = pair;
      const inside = block.slice(open + 1, close).join('');
      // printf(), main(): a call in prose is code, whatever follows.
      const call = inside === '' && /[0-9A-Za-z_]/.test(block[open - 1] ?? '');
      if (!call && (isCjk(block[open - 1]) || isCjk(block[close + 1]) || HAN.test(inside))) replace(i, i + 1, c === '(' ? '（' : '）', 'punctuation');
      continue;
    }
    // Name dots between Han: 尼古拉・奥斯特洛夫斯基 → ·
    if ((c === '・' || c === '•' || c === '‧' || c === '．') && HAN.test(prev ?? '') && HAN.test(next ?? '')) {
      replace(i, i + 1, '·', 'middle-dot');
    }
  }
  return edits;
}

/**
 * Does the run of ASCII marks `run` (chars `first`…`last`) punctuate a Chinese sentence, or
 * belong to Latin text, a number, a path or a command (rule 21)?
 */
function isSentenceMark(run: string, first: number, last: number, at: (i: number) => string | undefined): boolean {
  const before = at(first - 1);
  const after = at(last + 1);
  const single = first === last;
  // `"."`, “,”: a mark quoted alone is the mark itself.
  if (single && QUOTE.test(before ?? '') && QUOTE.test(after ?? '')) return false;
  if (single && LATIN.test(before ?? '') && LATIN.test(after ?? '')) {
    // Inside a number or a Latin token (97.5, 8:30, 3:2, README.Debian, a,b) — except a
    // comma whose Latin run leads straight into Chinese text: 3.14,A4纸.
    if (run !== ',') return false;
    if (DIGIT.test(before!) && /^[0-9]{3}(?![0-9])/.test(following(first + 1, at))) return false; // 1,200
    return HAN.test(at(first + 1 + latinRunLength(first + 1, at)) ?? '');
  }
  // `.ssh`, `:help`, `./configure`, `.5` begin a token: not sentence marks, unless a Chinese
  // colon or comma introduces the token (时间:10点, 例如,Debian).
  if (TOKEN_START.test(after ?? '') && (run[0] === '.' || !HAN.test(before ?? ''))) return false;
  // Next to a curly quote (English uses them too), the other side decides: `“do-ocracy”, and`
  // and `Software, “do` stay.
  if (/[“”‘’]/u.test(before ?? '')) return after === undefined || isCjk(after);
  if (/[“”‘’]/u.test(after ?? '')) return isCjk(before);
  if (isCjk(before)) return true;
  // A full stop needs Chinese before it ('Mr.' or '3.' before Han stays), or a unit that ends
  // a quantity before Chinese: 60～70%.大家.
  if (run[0] === '.') return /[%‰℃]/u.test(before ?? '') && HAN.test(after ?? '');
  return isCjk(after);
}

/** The text from char `from` on, a few characters of it (for look-ahead). */
function following(from: number, at: (i: number) => string | undefined): string {
  let out = '';
  for (let i = from; i < from + 4; i++) out += at(i) ?? '';
  return out;
}

/** How many Latin letters and digits follow from char `from` on. */
function latinRunLength(from: number, at: (i: number) => string | undefined): number {
  let n = 0;
  while (LATIN.test(at(from + n) ?? '')) n++;
  return n;
}

/** Matching ( ) in `chars`: index → [open, close], for both parens of each pair. */
function parenPairs(chars: string[]): Map<number, [number, number]> {
  const pairs = new Map<number, [number, number]>();
  const stack: number[] = [];
  chars.forEach((c, i) => {
    if (c === '(') stack.push(i);
    else if (c === ')' && stack.length > 0) {
      const open = stack.pop()!;
      pairs.set(open, [open, i]);
      pairs.set(i, [open, i]);
    }
  });
  return pairs;
}

/** The index of `unit` in the ascending `offsets`, or -1. */
function indexOfUnit(offsets: number[], unit: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = offsets[middle]!;
    if (value === unit) return middle;
    if (value < unit) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** A bare URL or e-mail address: never touched. */
function looksLikeUrl(text: string): boolean {
  return /^\s*(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+\s*$/i.test(text) || /^\s*\S+@\S+\.\S+\s*$/.test(text);
}
