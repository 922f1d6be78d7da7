/**
 * Simplified ⇄ Traditional Chinese. A book is printed in the script its manuscripts are written
 * in, character for character; only `--to` with the other script converts it (opencc-js).
 * Traditional typography — 「」『』 quotes — applies to every Traditional book, converted or not.
 */
import type {Root} from 'hast';
import {Converter} from 'opencc-js';
import {SKIP, visit} from '../markdown/visit.js';
import type {LoadedConfig} from '../config/load.js';
import {articlesOf, type Book} from '../model/book.js';
import {hanCounts} from '../typography/han-counts.js';
import {type Script, scriptOf} from '../typography/script.js';

/** Quotes in Taiwan and Hong Kong use: “” → 「」, ‘’ → 『』 (the opposite of the mainland's vertical habit). */
const TRADITIONAL_QUOTES: Record<string, string> = {'“': '「', '”': '」', '‘': '『', '’': '』'};
/** And back: the mainland's horizontal quotes. */
const SIMPLIFIED_QUOTES: Record<string, string> = {'「': '“', '」': '”', '『': '‘', '』': '’'};

/** Quotation marks as `script` sets them. */
function quotesFor(script: Script): (text: string) => string {
  return script === 'tc'
    ? (text) => text.replace(/[“”‘’]/g, (q) => TRADITIONAL_QUOTES[q]!)
    : (text) => text.replace(/[「」『』]/g, (q) => SIMPLIFIED_QUOTES[q]!);
}

/** opencc-js's name for the Chinese of a language tag: mainland, Taiwan with its vocabulary, Hong Kong, or plain Traditional. */
function variantOf(language: string): 'cn' | 'twp' | 'hk' | 't' {
  if (scriptOf(language) === 'sc') return 'cn';
  if (/^zh-(?:TW|Hant-TW)\b/i.test(language)) return 'twp';
  if (/^zh-(?:HK|MO|Hant-HK|Hant-MO)\b/i.test(language)) return 'hk';
  return 't';
}

/** opencc-js converters by variants, made once: loading the dictionaries takes a good part of a second. */
const converters = new Map<string, (text: string) => string>();

function converterOf(written: string, printed: string): (text: string) => string {
  const from = variantOf(written);
  const to = variantOf(printed);
  const key = `${from}>${to}`;
  if (!converters.has(key)) converters.set(key, Converter({from, to}));
  return converters.get(key)!;
}

/** A function turning text written in `written` into the script of `printed`, quotes included. */
export function convertedText(written: string, printed: string): (text: string) => string {
  const convert = converterOf(written, printed);
  const quotes = quotesFor(scriptOf(printed));
  return (value) => quotes(convert(value));
}

/** A function turning Simplified text (huibian's own labels) into the Traditional Chinese of `language`. */
export function traditionalText(language: string): (text: string) => string {
  return convertedText('zh-Hans', language);
}

/** Convert every text of a tree but code (in place). */
export function convertTree(root: Root, text: (value: string) => string): void {
  for (const slot of treeSlots(root)) slot.set(text(slot.value));
}

/** Between texts converted in one call: in no dictionary, so no conversion reaches across it. */
const SEPARATOR = '\u0000';
/** What could: ideographic description characters (opencc-js keeps a sequence they start whole), and the separator itself. */
const unseparable = (text: string) => /[\u2ff0-\u2fff]/.test(text) || text.includes(SEPARATOR);

/**
 * `convert` of every text of `texts`, in one call where that gives the same texts: opencc-js
 * matches its dictionaries from each character on, and a separator no dictionary holds ends
 * every match. One call for a whole book instead of one per text node takes half the time.
 */
function convertAll(texts: string[], convert: (text: string) => string): string[] {
  if (texts.some(unseparable)) return texts.map(convert);
  const converted = convert(texts.join(SEPARATOR)).split(SEPARATOR);
  return converted.length === texts.length ? converted : texts.map(convert);
}

/** A text to convert: read it, and put the converted one back. */
interface Slot {
  value: string;
  set: (value: string) => void;
}

/** The text nodes of a tree but code's, as slots. */
function treeSlots(root: Root, slots: Slot[] = []): Slot[] {
  visit(root, (node) => {
    if (node.type === 'element' && (node.tagName === 'code' || node.tagName === 'pre')) return SKIP;
    if (node.type === 'text') {
      slots.push({
        value: node.value,
        set: (value) => {
          node.value = value;
        },
      });
    }
    return undefined;
  });
  return slots;
}

/**
 * Every text of the book the authors wrote, as slots: book.yaml's fields, parts, the articles'
 * front matter and text, and what the apparatus gathered from them (chronology lines, index
 * terms). Code is left out. Headings huibian makes (一月, 七画) are labels, set by the writers.
 */
function writtenSlots(book: Book): Slot[] {
  const slots: Slot[] = [];
  const field = <T extends object, K extends keyof T>(object: T, key: K) => {
    const value = object[key];
    if (typeof value === 'string' && value) {
      slots.push({
        value,
        set: (converted) => {
          object[key] = converted as T[K];
        },
      });
    }
  };
  const {meta} = book;
  for (const key of ['title', 'runningHead', 'subtitle', 'author', 'publisher'] as const) field(meta, key);
  for (const part of book.parts) for (const key of ['title', 'subtitle'] as const) field(part, key);
  for (const article of articlesOf(book)) {
    for (const key of ['title', 'runningHead', 'subtitle', 'author', 'source'] as const) field(article, key);
    // A new list: the old one is also the manuscript's front matter.
    const tags = [...article.tags];
    article.tags = tags;
    tags.forEach((tag, index) => {
      slots.push({
        value: tag,
        set: (value) => {
          tags[index] = value;
        },
      });
    });
    treeSlots(article.body, slots);
    for (const note of article.footnotes) treeSlots({type: 'root', children: note.children}, slots);
  }
  // Gathered from the text as written; they keep its order.
  for (const month of book.apparatus.chronology) for (const entry of month.entries) field(entry, 'text');
  for (const section of book.apparatus.index) for (const group of section.groups) for (const entry of group.entries) field(entry, 'term');
  return slots;
}

/**
 * Set the book in the script of `book.meta.language` (the language printed), from manuscripts
 * written in `written` (book.yaml's `language`). The same script: a Traditional book keeps every
 * character as written and only takes Traditional quotes (「」『』); a Simplified one is left
 * alone. The other script (`--to`): every text the authors wrote is converted, and
 * `meta.convertedFrom` says so for what is read later (SVG drawings). Works in place.
 */
export function setScript(book: Book, written: string): void {
  const printed = book.meta.language;
  const slots = writtenSlots(book);
  if (scriptOf(written) !== scriptOf(printed)) {
    const converted = convertAll(
      slots.map((slot) => slot.value),
      convertedText(written, printed),
    );
    for (const [index, slot] of slots.entries()) slot.set(converted[index]!);
    book.meta.convertedFrom = written;
  } else if (scriptOf(printed) === 'tc') {
    const quotes = quotesFor('tc');
    for (const slot of slots) slot.set(quotes(slot.value));
  }
}

/** Han characters of the book's text looked at, at most, by {@link looksSimplified}. */
const SAMPLE = 20_000;

/** The share of the Han characters of `text` that `convert` changes (counted as a multiset: phrases may change a text's length). */
function changedShare(text: string, convert: (text: string) => string): number {
  const counts = hanCounts(text);
  const han = [...counts.values()].reduce((sum, count) => sum + count, 0);
  for (const [char, count] of hanCounts(convert(text))) counts.set(char, (counts.get(char) ?? 0) - count);
  const changed = [...counts.values()].reduce((sum, count) => sum + Math.max(0, count), 0);
  return han === 0 ? 0 : changed / han;
}

/**
 * The script the book's text (its first {@link SAMPLE} Han characters) is written in: the one
 * that converting to the other changes more of. Either conversion touches a few characters of
 * the other script's prose (variants such as 裡/裏, a stray character), so the two are weighed
 * against each other. Undefined when neither changes anything (no Han, or only shared characters).
 */
function textScript(book: Book): Script | undefined {
  const texts: string[] = [];
  let han = 0;
  for (const slot of writtenSlots(book)) {
    if (han >= SAMPLE) break;
    texts.push(slot.value);
    han += slot.value.match(/\p{Script=Han}/gu)?.length ?? 0;
  }
  const text = texts.join('\n');
  const simplified = changedShare(text, converterOf('zh-Hans', 'zh-Hant'));
  const traditional = changedShare(text, converterOf('zh-Hant', 'zh-Hans'));
  return simplified === traditional ? undefined : simplified > traditional ? 'sc' : 'tc';
}

/**
 * `language` says what the manuscripts are written in, and a book is printed as written. A book
 * whose text is in the other script was most likely meant to be converted (`language: zh-TW`
 * over Simplified manuscripts did that before `--to`), or has the wrong tag (Traditional text
 * set in Simplified fonts, with Simplified labels): say so at the key.
 */
export function checkWrittenScript(book: Book, {config, file, placed}: LoadedConfig): void {
  const written = textScript(book);
  if (written === undefined || written === scriptOf(config.language)) return;
  const reason =
    written === 'sc'
      ? `书稿看来是简体字，但 language 是 ${config.language}：书按原文排印，不做转换。要出繁体版，请把 language 改为 zh-Hans，并在命令行加 --to ${config.language}`
      : `书稿看来是繁体字，但 language 是 ${config.language}：请把 language 改为 zh-Hant（台湾用 zh-TW，香港用 zh-HK），书才用繁体字形、繁体标签和「」引号`;
  file.message(reason, {place: placed.placeOf(['language']), ruleId: 'language', source: 'huibian'});
}
