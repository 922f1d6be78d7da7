import type {Root} from 'hast';
import {Converter} from 'opencc-js';
import {SKIP, visit} from 'unist-util-visit';
import {articlesOf, type Book} from '../model/book.js';

/** Quotes in Taiwan and Hong Kong use: “” → 「」, ‘’ → 『』 (the opposite of the mainland's vertical habit). */
const QUOTES: Record<string, string> = {'“': '「', '”': '」', '‘': '『', '’': '』'};

/** opencc-js target for a language tag: Taiwan with its vocabulary, Hong Kong, or plain Traditional. */
function targetOf(language: string): 'twp' | 'hk' | 't' {
  if (/^zh-(?:TW|Hant-TW)\b/i.test(language)) return 'twp';
  if (/^zh-(?:HK|MO|Hant-HK|Hant-MO)\b/i.test(language)) return 'hk';
  return 't';
}

/** A function turning Simplified text into the Traditional Chinese of `language`, quotes included. */
export function traditionalText(language: string): (text: string) => string {
  const convert = Converter({from: 'cn', to: targetOf(language)});
  return (value) => convert(value).replace(/[“”‘’]/g, (q: string) => QUOTES[q]!);
}

/** Convert every text of a tree but code to Traditional Chinese (in place). */
export function traditionalTree(root: Root, text: (value: string) => string): void {
  visit(root, (node) => {
    if (node.type === 'element' && (node.tagName === 'code' || node.tagName === 'pre')) return SKIP;
    if (node.type === 'text') node.value = text(node.value);
    return undefined;
  });
}

/**
 * Convert the whole book, metadata included, from Simplified to Traditional Chinese (opencc-js)
 * with Traditional quotation marks. Text already in Traditional characters passes unchanged.
 * Code is left alone. Works in place.
 */
export function toTraditional(book: Book): void {
  const text = traditionalText(book.meta.language);
  const tree = (root: Root) => traditionalTree(root, text);
  const {meta} = book;
  meta.title = text(meta.title);
  meta.runningHead = text(meta.runningHead);
  for (const key of ['subtitle', 'author', 'publisher'] as const) if (meta[key]) meta[key] = text(meta[key]);
  for (const part of book.parts) {
    part.title = text(part.title);
    if (part.subtitle) part.subtitle = text(part.subtitle);
  }
  for (const article of articlesOf(book)) {
    article.title = text(article.title);
    article.runningHead = text(article.runningHead);
    for (const key of ['subtitle', 'author', 'source'] as const) if (article[key]) article[key] = text(article[key]);
    article.tags = article.tags.map(text);
    tree(article.body);
    for (const note of article.footnotes) tree({type: 'root', children: note.children});
  }
}
