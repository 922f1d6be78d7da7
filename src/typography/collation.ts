/**
 * The order of an index: by pinyin (音序, as the 现代汉语词典 orders words) or by stroke count
 * (笔画). pinyin-pro reads words in context (重庆 chóng, 银行 háng) and surnames by their
 * surname readings (单 shàn, 曾 zēng); cnchar counts strokes.
 */
import * as cncharModule from 'cnchar';
import {pinyin} from 'pinyin-pro';
import {chineseNumber} from './chinese-numerals.js';

// cnchar is CommonJS: Node hands its exports to an ES import as `default`; its declared types
// do not resolve under NodeNext, so the one function used is typed here.
const cnchar = (cncharModule as unknown as {default: {stroke(text: string): number}}).default;

export type IndexOrder = 'pinyin' | 'stroke';

/** A term as the index sorts it: one syllable (or Latin / digit run) per unit. */
export interface Collated {
  text: string;
  /** Toneless syllables for Han characters; lower-cased runs of Latin letters or digits. */
  syllables: string[];
  /** Tone 1–4 (5 for neutral) per unit; 0 for Latin and digit runs. */
  tones: number[];
  /** Strokes of the first character of each unit; unknown and non-Han: Infinity. */
  strokes: number[];
}

const HAN = /\p{Script=Han}/u;

/**
 * How `key` (the sort key: the term or its `sort` attribute) sorts. `names` reads the first
 * character as a surname (作者 entries).
 */
export function collate(text: string, key = text, {names = false}: {names?: boolean} = {}): Collated {
  // Dictionary order reads 一 and 不 in their own tones (yī), not as spoken before another syllable.
  const units = pinyin(key, {toneType: 'num', type: 'array', nonZh: 'consecutive', v: true, toneSandhi: false, ...(names ? {surname: 'head' as const} : {})});
  const chars = Array.from(key.replace(/\s+/g, ''));
  const collated: Collated = {text, syllables: [], tones: [], strokes: []};
  let at = 0;
  for (const raw of units) {
    const unit = raw.trim();
    if (!unit) continue;
    const char = chars[at] ?? '';
    const han = HAN.test(char) && /^[a-zü]+[1-5]?$/.test(unit);
    if (han) {
      const tone = /[1-5]$/.exec(unit)?.[0];
      collated.syllables.push(unit.replace(/[1-5]$/, ''));
      collated.tones.push(tone ? Number(tone) : 5);
      const strokes = cnchar.stroke(char);
      collated.strokes.push(strokes > 0 ? strokes : Number.POSITIVE_INFINITY);
      at += 1;
    } else {
      // Latin words and numbers sort by their letters; punctuation between them by nothing.
      for (const run of unit.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
        collated.syllables.push(run);
        collated.tones.push(0);
        collated.strokes.push(Number.POSITIVE_INFINITY);
      }
      at += Array.from(unit.replace(/\s+/g, '')).length;
    }
  }
  return collated;
}

function compareLists<T>(a: T[], b: T[], compare: (x: T, y: T) => number): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compare(a[i]!, b[i]!);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
const byNumber = (x: number, y: number) => (x === y ? 0 : x < y ? -1 : 1);

/**
 * Compare two terms character by character, as dictionaries order words under their first
 * character: by pinyin, a character's syllable, then its tone, then its strokes; by strokes,
 * its strokes, then (for characters of as many strokes) its reading, which stands in for the
 * order of first strokes. Ties go by code points, so the order never depends on the input's.
 */
export function compareCollated(a: Collated, b: Collated, order: IndexOrder): number {
  const byUnit =
    order === 'pinyin'
      ? (x: Unit, y: Unit) => byText(x.syllable, y.syllable) || byNumber(x.tone, y.tone) || byNumber(x.strokes, y.strokes)
      : (x: Unit, y: Unit) => byNumber(x.strokes, y.strokes) || byText(x.syllable, y.syllable) || byNumber(x.tone, y.tone);
  return compareLists(units(a), units(b), byUnit) || byText(a.text, b.text);
}

interface Unit {
  strokes: number;
  syllable: string;
  tone: number;
}

/** A term's units with their strokes, reading and tone side by side. */
function units(term: Collated): Unit[] {
  return term.syllables.map((syllable, i) => ({strokes: term.strokes[i]!, syllable, tone: term.tones[i]!}));
}

/** Groups of terms that begin with a digit or another sign, and (by stroke count) with a Latin letter. */
const OTHER_HEADINGS = {digits: '0–9', latin: '外文', other: '其他'} as const;

/**
 * The heading a term goes under: its initial letter (`L`) by pinyin, its first character's
 * stroke count (`七画`) by strokes.
 */
export function headingOf(term: Collated, order: IndexOrder): string {
  const first = term.syllables[0] ?? '';
  if (/^\d/.test(first)) return OTHER_HEADINGS.digits;
  if (order === 'stroke') {
    const strokes = term.strokes[0] ?? Number.POSITIVE_INFINITY;
    if (term.tones[0] === 0) return /^[a-z]/.test(first) ? OTHER_HEADINGS.latin : OTHER_HEADINGS.other;
    return Number.isFinite(strokes) ? `${chineseNumber(strokes)}画` : OTHER_HEADINGS.other;
  }
  const letter = first.normalize('NFD').charAt(0).toUpperCase();
  return /^[A-Z]$/.test(letter) ? letter : OTHER_HEADINGS.other;
}
