import type {ArticleDraft, DraftBlock} from './draft.js';

/** A line that ends a sentence or clause: not a heading, title or breadcrumb. */
const SENTENCE_END = /[。！？!?；;，,：:…”’）)」』]$/;
/** Punctuation inside a line that a heading of copy seldom has. */
const SENTENCE_INSIDE = /[。！？!?；;]/;

/** Who did what in a byline: `记者`, `通讯员`, `文/`, `作者：` … */
const ROLE = /(?:记者|通讯员|特约撰稿人?|撰稿|作者|文|图|图文|摄影|摄|编辑|责编|供稿)$/;
/** `来源:宁视界公众号`, `（来源：人民日报）`. */
const SOURCE = /^[（(]?\s*(?:来源|稿源|转自|出处)\s*[：:]\s*(.+?)\s*[）)]?$/;
/** A date as offices write it: 2019年12月5日, 2019-12-05, 2019.12.05, 2019/12/5. */
const DATE = /(\d{4})\s*(?:年|[-./])\s*(\d{1,2})\s*(?:月|[-./])\s*(\d{1,2})\s*日?/;

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
  if (items.length > 2 && isBreadcrumb(items[0]!.text) && isTitleLike(items[1]!.text)) draft.dropped.push(items[at++]!.text);
  if (isTitleLike(items[at]!.text)) draft.title = items[at++]!.text;
  for (let look = 0; look < 3 && at < items.length; look++) {
    const line = items[at]!.text;
    const byline = bylineOf(line);
    const date = dateOf(line);
    if (byline) {
      draft.author = byline;
      if (date) draft.date = date;
      draft.dropped.push(line);
      at++;
    } else if (date && line.length <= 24 && line.replace(DATE, '').length <= 6) {
      draft.date = date;
      at++;
    } else if (look === 0 && draft.title !== fallbackTitle && /^(?:——|—|-)/.test(line) && line.length <= 40) {
      draft.subtitle = line.replace(/^(?:——|—|-)\s*/, '');
      at++;
    } else break;
  }

  // The tail: a source line (and only that) becomes front matter.
  let end = items.length;
  const source = sourceOf(items[end - 1]!.text);
  if (source && end - 1 > at) {
    draft.source = source;
    draft.dropped.push(items[end - 1]!.text);
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

/**
 * The names in a byline (`宁乡市融媒体中心记者 段华良 通讯员 李强` → 段华良、李强), joined
 * with 、: a short line of role words (each may follow an office's name) and names of two to
 * four Han characters, nothing else.
 */
export function bylineOf(line: string): string | undefined {
  if (line.length > 40) return undefined;
  const tokens = line.split(/[\s、，,：:／/|｜]+/).filter(Boolean);
  const names: string[] = [];
  let roles = 0;
  for (const token of tokens) {
    if (ROLE.test(token)) roles++;
    else if (DATE.test(token)) continue;
    else if (/^\p{Script=Han}{2,4}$/u.test(token) && roles > 0) names.push(token);
    else return undefined;
  }
  return names.length > 0 ? names.join('、') : undefined;
}

/** What a `来源:` line names. */
export function sourceOf(line: string): string | undefined {
  return line.length <= 60 ? SOURCE.exec(line)?.[1] : undefined;
}

/** The first date in a line, as YYYY-MM-DD. */
export function dateOf(line: string): string | undefined {
  const match = DATE.exec(line);
  return match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : undefined;
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
