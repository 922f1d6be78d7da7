import type {ArticleDraft, DraftBlock} from './draft.js';
import {bylineOf, dateLineOf, dateOf, sourceOf} from './metadata-lines.js';

/** A line that ends a sentence or clause: not a heading, title or breadcrumb. */
const SENTENCE_END = /[。！？!?；;，,：:…”’）)」』]$/;
/** Punctuation inside a line that a heading of copy seldom has. */
const SENTENCE_INSIDE = /[。！？!?；;]/;

/**
 * Read an article out of plain text as offices save it from a web page or a chat: a site
 * breadcrumb on the first line (`傅家塘村 首页`), the title, a byline, paragraphs, section
 * headings of one or two short lines, ▲ captions, and a closing `来源:` line. What is not
 * recognised stays a paragraph: nothing of the body is dropped.
 */
export function textArticle(text: string, fallbackTitle: string): ArticleDraft {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''));
  // Paragraphs are lines; blank lines only separate them (and make one-line headings stand out).
  const items: Array<{text: string; alone: boolean}> = [];
  lines.forEach((line, i) => {
    if (!line) return;
    const alone = !lines[i - 1] && !lines[i + 1];
    items.push({text: line, alone});
  });
  const draft: ArticleDraft = {title: fallbackTitle, blocks: [], dropped: []};
  if (items.length === 0) return draft;

  // The head: breadcrumb, title, byline, date, in the first few lines.
  let at = 0;
  if (items.length > 2 && isBreadcrumb(items[0]!.text) && isTitleLike(items[1]!.text)) draft.dropped.push({text: items[at++]!.text});
  if (isTitleLike(items[at]!.text)) draft.title = items[at++]!.text;
  for (let look = 0; look < 3 && at < items.length; look++) {
    const line = items[at]!.text;
    const byline = bylineOf(line);
    const dated = dateLineOf(line);
    if (byline) {
      draft.author = byline;
      draft.date ??= dateOf(line);
    } else if (dated) {
      // `出版日期：2024-01-31`: the date, not a subtitle; with the source and author it names.
      draft.date ??= dated.date;
      draft.source ??= dated.source;
      draft.author ??= dated.author;
    } else if (look === 0 && draft.title !== fallbackTitle && /^(?:——|—|-)/.test(line) && line.length <= 40) {
      draft.subtitle = line.replace(/^(?:——|—|-)\s*/, '');
      at++;
      continue;
    } else break;
    draft.dropped.push({text: line, as: 'matter'});
    at++;
  }

  // The tail: a source line (and only that) becomes front matter.
  let end = items.length;
  const source = sourceOf(items[end - 1]!.text);
  if (source && end - 1 > at) {
    draft.source = source;
    draft.dropped.push({text: items[end - 1]!.text, as: 'matter'});
    end--;
  }

  const body = items.slice(at, end);
  for (let i = 0; i < body.length; i++) {
    const {text: line} = body[i]!;
    const next = body[i + 1];
    if (isHeading(line) && next && isHeading(next.text) && body[i + 2] && !isHeading(body[i + 2]!.text) && i > 0) {
      // Two short lines between paragraphs: a heading and its subheading (学深悟透 / 把稳思想之舵).
      draft.blocks.push({kind: 'heading', text: line, subheading: next.text});
      i++;
    } else if (
      isHeading(line) &&
      body[i]!.alone &&
      i > 0 &&
      next &&
      /^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）|^第[一二三四五六七八九十]+[章节部分]/.test(line)
    ) {
      draft.blocks.push({kind: 'heading', text: line});
    } else draft.blocks.push({kind: 'paragraph', text: line} satisfies DraftBlock);
  }
  return draft;
}

/** A site's navigation path: short, words separated by spaces or arrows, `首页` in it, no sentence. */
function isBreadcrumb(line: string): boolean {
  return line.length <= 30 && /首页|主页|当前位置|>|›|»|→/.test(line) && !SENTENCE_INSIDE.test(line);
}

/** A line that could be a title: short, not a sentence, not a caption. */
export function isTitleLike(line: string): boolean {
  return line.length <= 60 && !SENTENCE_END.test(line) && !/^[▲△]/.test(line);
}

/** A short line with no sentence in it. */
function isHeading(line: string): boolean {
  return line.length <= 24 && !SENTENCE_END.test(line) && !SENTENCE_INSIDE.test(line) && !/^[▲△…]/.test(line) && !/^[-—]+$/.test(line);
}
