import type {Root} from 'hast';
import {Converter} from 'opencc-js';
import {SKIP, visit} from '../markdown/visit.js';
import {articlesOf, type Book} from '../model/book.js';

/** Quotes in Taiwan and Hong Kong use: “” → 「」, ‘’ → 『』 (the opposite of the mainland's vertical habit). */
const QUOTES: Record<string, string> = {'“': '「', '”': '」', '‘': '『', '’': '』'};

/** opencc-js target for a language tag: Taiwan with its vocabulary, Hong Kong, or plain Traditional. */
function targetOf(language: string): 'twp' | 'hk' | 't' {
  if (/^zh-(?:TW|Hant-TW)\b/i.test(language)) return 'twp';
  if (/^zh-(?:HK|MO|Hant-HK|Hant-MO)\b/i.test(language)) return 'hk';
  return 't';
}

/** opencc-js converters by target, made once: loading the dictionaries takes a good part of a second. */
const converters = new Map<string, (text: string) => string>();

function converterOf(language: string): (text: string) => string {
  const target = targetOf(language);
  if (!converters.has(target)) converters.set(target, Converter({from: 'cn', to: target}));
  return converters.get(target)!;
}

const quotes = (text: string) => text.replace(/[“”‘’]/g, (q: string) => QUOTES[q]!);

/** A function turning Simplified text into the Traditional Chinese of `language`, quotes included. */
export function traditionalText(language: string): (text: string) => string {
  const convert = converterOf(language);
  return (value) => quotes(convert(value));
}

/** Convert every text of a tree but code to Traditional Chinese (in place). */
export function traditionalTree(root: Root, text: (value: string) => string): void {
  visit(root, (node) => {
    if (node.type === 'element' && (node.tagName === 'code' || node.tagName === 'pre')) return SKIP;
    if (node.type === 'text') node.value = text(node.value);
    return undefined;
  });
}

/** Between texts converted in one call: in no dictionary, so no conversion reaches across it. */
const SEPARATOR = '\u0000';
/** What could: ideographic description characters (opencc-js keeps a sequence they start whole), and the separator itself. */
const unseparable = (text: string) => /[\u2ff0-\u2fff]/.test(text) || text.includes(SEPARATOR);

/**
 * {@link traditionalText} of every text of `texts`, in one call of the converter where that
 * gives the same texts: opencc-js matches its dictionaries from each character on, and a
 * separator no dictionary holds ends every match. One call for a whole article instead of one
 * per text node takes half the time.
 */
function convertAll(texts: string[], language: string): string[] {
  const convert = converterOf(language);
  if (texts.some(unseparable)) return texts.map((text) => quotes(convert(text)));
  const converted = quotes(convert(texts.join(SEPARATOR))).split(SEPARATOR);
  return converted.length === texts.length ? converted : texts.map((text) => quotes(convert(text)));
}

/** A text to convert: read it, and put the converted one back. */
interface Slot {
  value: string;
  set: (value: string) => void;
}

/** The text nodes of a tree but code's, as slots. */
function treeSlots(root: Root, slots: Slot[]): void {
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
}

/**
 * Convert the whole book, metadata included, from Simplified to Traditional Chinese (opencc-js)
 * with Traditional quotation marks. Text already in Traditional characters passes unchanged.
 * Code is left alone. Works in place.
 */
export function toTraditional(book: Book): void {
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
  // The chronology and index were gathered from the Simplified text; they keep its order.
  for (const month of book.apparatus.chronology) {
    field(month, 'heading');
    for (const entry of month.entries) field(entry, 'text');
  }
  for (const section of book.apparatus.index) {
    for (const group of section.groups) {
      field(group, 'heading');
      for (const entry of group.entries) field(entry, 'term');
    }
  }
  const converted = convertAll(
    slots.map((slot) => slot.value),
    book.meta.language,
  );
  slots.forEach((slot, index) => {
    slot.set(converted[index]!);
  });
}
