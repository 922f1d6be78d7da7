import type {Element, ElementContent, Root} from 'hast';
import {fromHtml} from 'hast-util-from-html';
import {select, selectAll} from 'hast-util-select';
import {toString as textOf} from 'hast-util-to-string';
import {type ArticleDraft, type Dropped, type DraftBlock, noteCall} from './draft.js';
import {bylineOf, dateLineOf, dateOf, sourceOf} from './metadata-lines.js';
import {furnitureOf, lineFurniture, type PageIndex, pageIndex} from './page-furniture.js';
import {isTitleLike} from './text-article.js';

/** Lines that are a page's buttons or calls to act, not the article (WeChat's 阅读原文, 点赞 …). */
const BOILERPLATE =
  /^(?:阅读原文|点击(?:上方|下方|蓝字).{0,12}|长按(?:识别)?二维码.{0,12}|扫码关注.{0,12}|分享|点赞|在看|收藏|转发|赞赏|写留言|留言|打印本页|关闭窗口|上一篇.*|下一篇.*|【(?:打印|关闭)】.*)$/;
const BLOCKS = new Set(['p', 'div', 'section', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'figure', 'pre']);

/**
 * Read the article out of a web page: a saved WeChat article (`#js_content`, `#activity-name`,
 * `#js_name`, `publish_time`), a news site's page, or mammoth's HTML of a Word file. The body
 * is the element with the most prose in its paragraphs; page furniture and buttons are left
 * out (and listed); headings, paragraphs, images with their ▲ captions, lists and tables stay.
 */
export function htmlArticle(html: string, fallbackTitle: string): ArticleDraft {
  const tree = fromHtml(html);
  const page = pageIndex(tree);
  const meta = (key: string) => select(`meta[name="${key}"], meta[property="${key}"]`, tree)?.properties.content as string | undefined;
  const body = select('#js_content', tree) ?? select('article', tree) ?? proseRoot(tree, page);
  const draft: ArticleDraft = {title: fallbackTitle, blocks: [], dropped: []};

  const heading = select('#activity-name', tree) ?? select('h1', tree);
  const title = clean(heading ? textOf(heading) : '') || meta('og:title') || clean(textOf(select('title', tree) ?? emptyRoot())).split(/\s*[-_|｜]\s*/)[0];
  if (title) draft.title = title;
  const author = meta('author') || clean(textOf(select('#js_author_name', tree) ?? emptyRoot()));
  if (author) draft.author = author;
  const account = clean(textOf(select('#js_name', tree) ?? emptyRoot())) || meta('og:site_name');
  if (account) draft.source = account;
  const date = publishedDate(html, meta('article:published_time') ?? clean(textOf(select('#publish_time', tree) ?? emptyRoot())));
  if (date) draft.date = date;

  if (body) {
    for (const node of selectAll('script, style, noscript, nav, header, footer, aside, form, button, iframe', body)) node.children = [];
    draft.blocks = blocksOf(body, draft.dropped, page);
  }
  // The title printed again as the body's first line; with no title anywhere else, a short first line is it.
  const first = draft.blocks[0];
  const untitled = draft.title === fallbackTitle && first?.kind === 'paragraph' && isTitleLike(first.text) && draft.blocks.length > 1;
  if (untitled) draft.title = first.text;
  if (first && (first.kind === 'heading' || first.kind === 'paragraph') && first.text === draft.title) draft.blocks.shift();
  const subtitle = clean(textOf(select('.subtitle', body ?? tree) ?? emptyRoot()));
  if (subtitle && !draft.subtitle && !dateLineOf(subtitle)) {
    draft.subtitle = subtitle;
    draft.blocks = draft.blocks.filter((b) => !(b.kind === 'paragraph' && b.text === draft.subtitle));
  }
  readMetadataLines(draft);
  return draft;
}

/**
 * Bylines and date lines among the first lines of the body (`记者 周明`, `出版日期：2024-01-31`,
 * printed as paragraphs or as headings) and a source line at its end become front matter, as
 * in plain text; the page's own metadata, when it has any, comes first.
 */
function readMetadataLines(draft: ArticleDraft): void {
  const lines = draft.blocks.flatMap((b, index) => (b.kind === 'paragraph' || b.kind === 'heading' ? [{index, text: b.text}] : []));
  // A heading that is a bare date heads a section of a chronicle: only a labelled one is the article's date.
  const isMetadata = (line: {index: number; text: string}) =>
    bylineOf(line.text) || (dateLineOf(line.text) && (draft.blocks[line.index]!.kind === 'paragraph' || /[：:]/.test(line.text)));
  const found = lines.slice(0, 4).filter(isMetadata);
  for (const line of found) {
    const dated = dateLineOf(line.text);
    draft.author ??= bylineOf(line.text) ?? dated?.author;
    draft.date ??= dated?.date ?? dateOf(line.text);
    draft.source ??= dated?.source;
  }
  const last = lines.at(-1);
  const source = last && !found.includes(last) && draft.blocks[last.index]!.kind === 'paragraph' && sourceOf(last.text) ? last : undefined;
  if (source) {
    draft.source = sourceOf(source.text);
    found.push(source);
  }
  for (const line of found.sort((a, b) => b.index - a.index)) {
    draft.dropped.push({text: line.text, as: 'matter'});
    draft.blocks.splice(line.index, 1);
  }
}

function emptyRoot(): Root {
  return {type: 'root', children: []};
}

function clean(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}

/** The element whose own paragraphs hold the most Han characters: the article, on most pages. */
function proseRoot(tree: Root, page: PageIndex): Element | undefined {
  let best: Element | undefined;
  let bestScore = 0;
  for (const element of selectAll('div, section, td, main, body', tree)) {
    if (furnitureOf(element, page)) continue;
    let score = 0;
    for (const child of element.children) {
      if (child.type === 'element' && (child.tagName === 'p' || child.tagName === 'br' || child.tagName === 'div'))
        score += (textOf(child).match(/\p{Script=Han}/gu) ?? []).length;
      if (child.type === 'text') score += (child.value.match(/\p{Script=Han}/gu) ?? []).length;
    }
    if (score > bestScore) {
      best = element;
      bestScore = score;
    }
  }
  return best;
}

/** The date a page says it was published: its metadata, WeChat's `var ct = "1577836800"`, or a shown date. */
function publishedDate(html: string, shown: string | undefined): string | undefined {
  const written = /(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})/.exec(shown ?? '');
  if (written) return `${written[1]}-${written[2]!.padStart(2, '0')}-${written[3]!.padStart(2, '0')}`;
  const stamp = /var\s+ct\s*=\s*"(\d{9,10})"/.exec(html);
  // WeChat's timestamp is in seconds; the date is China's (UTC+8).
  if (stamp) return new Date((Number(stamp[1]) + 8 * 3600) * 1000).toISOString().slice(0, 10);
  return undefined;
}

/** The article's blocks in reading order; inline runs gathered into paragraphs. */
function blocksOf(root: Element, dropped: Dropped[], page: PageIndex): DraftBlock[] {
  const reader = new BlockReader(root, dropped, page);
  reader.walk(root.children, root);
  reader.flush();
  return reader.blocks;
}

/** Reads a page's elements into blocks: the inline text of the current line, and the blocks so far. */
class BlockReader {
  readonly blocks: DraftBlock[] = [];
  line = '';

  constructor(
    private readonly root: Element,
    private readonly dropped: Dropped[],
    private readonly page: PageIndex,
  ) {}

  /** The line so far as a paragraph (or the caption of the picture before it), unless it is furniture. */
  flush(): void {
    const text = clean(this.line);
    this.line = '';
    if (!text) return;
    const furniture = lineFurniture(text);
    if (furniture || BOILERPLATE.test(text)) {
      this.dropped.push({text, ...(furniture ? {as: furniture} : {})});
      return;
    }
    const previous = this.blocks.at(-1);
    // `▲…` right after a picture is its caption.
    if (/^[▲△]/.test(text) && previous?.kind === 'image' && !previous.caption) {
      previous.caption = text.replace(/^[▲△]\s*/, '');
      return;
    }
    this.blocks.push({kind: 'paragraph', text});
  }

  walk(nodes: ElementContent[], holder: Element): void {
    for (const node of nodes) {
      if (node.type === 'text') this.line += node.value;
      else if (node.type === 'element') this.element(node, holder);
    }
  }

  private element(node: Element, holder: Element): void {
    const furniture = node === this.root ? undefined : furnitureOf(node, this.page);
    if (furniture) {
      const text = clean(textOf(node));
      if (text) this.dropped.push({text, ...(furniture === 'other' ? {} : {as: furniture})});
      return;
    }
    if (ELEMENTS[node.tagName]?.(this, node, holder)) return;
    const block = BLOCKS.has(node.tagName);
    if (block) this.flush();
    this.walk(node.children, node);
    if (block) this.flush();
  }

  /** End the line and add `block` (when it has text). */
  add(block: DraftBlock | undefined): true {
    this.flush();
    if (block) this.blocks.push(block);
    return true;
  }
}

/** Elements read a way of their own; a handler returns true when it took the element whole. */
const ELEMENTS: Record<string, (reader: BlockReader, node: Element, holder: Element) => boolean> = {
  a(reader, node) {
    // Word's notes as mammoth writes them: a call `<a href="#footnote-1">`, the note an
    // `<li id="footnote-1">` with a link back.
    const href = String(node.properties.href ?? '');
    const note = /^#(?:foot|end)note-(\d+)$/.exec(href);
    if (note) reader.line += noteCall(Number(note[1]));
    return Boolean(note) || /^#(?:foot|end)note-ref-\d+$/.test(href);
  },
  li(reader, node, holder) {
    const noteId = /^(?:foot|end)note-(\d+)$/.exec(String(node.properties.id ?? ''));
    if (noteId) {
      const text = clean(textOf({type: 'root', children: node.children.map((c) => withoutBackLinks(c))}));
      return reader.add({kind: 'note', number: Number(noteId[1]), text});
    }
    if (node.children.some((c) => c.type === 'element' && BLOCKS.has(c.tagName) && c.tagName !== 'p')) return false;
    const text = clean(textOf(node));
    return reader.add(text ? {kind: 'item', ordered: holder.tagName === 'ol', text} : undefined);
  },
  br: (reader) => reader.add(undefined),
  img(reader, node) {
    const src = String(node.properties.dataSrc ?? node.properties.src ?? '');
    return reader.add(src ? {kind: 'image', src, ...(node.properties.alt ? {caption: clean(String(node.properties.alt))} : {})} : undefined);
  },
  ...Object.fromEntries(
    ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((tag) => [
      tag,
      (reader: BlockReader, node: Element) => {
        const text = clean(textOf(node));
        return reader.add(text ? {kind: 'heading', text} : undefined);
      },
    ]),
  ),
  pre(reader, node) {
    const code = textOf(node).replace(/^\n|\s+$/g, '');
    const fence = '`'.repeat(Math.max(3, ...(code.match(/`+/g) ?? []).map((run) => run.length + 1)));
    return reader.add(code ? {kind: 'markdown', text: `${fence}\n${code}\n${fence}`} : undefined);
  },
  table: (reader, node) => reader.add({kind: 'markdown', text: tableMarkdown(node)}),
  figcaption(reader, node) {
    reader.flush();
    const previous = reader.blocks.at(-1);
    const text = clean(textOf(node)).replace(/^[▲△]\s*/, '');
    if (previous?.kind === 'image' && text) previous.caption = text;
    else if (text) reader.blocks.push({kind: 'paragraph', text});
    return true;
  },
};

function withoutBackLinks(node: ElementContent): ElementContent {
  if (node.type !== 'element') return node;
  return {
    ...node,
    children: node.children.filter((c) => !(c.type === 'element' && /^#(?:foot|end)note-ref-/.test(String(c.properties.href ?? '')))).map(withoutBackLinks),
  };
}

/** A table as GFM: cells' text, pipes escaped, the first row as the head. */
function tableMarkdown(table: Element): string {
  const rows = selectAll('tr', table).map((row) => selectAll('th, td', row).map((cell) => clean(textOf(cell)).replace(/\|/g, '\\|')));
  const width = Math.max(1, ...rows.map((r) => r.length));
  const line = (cells: string[]) => `| ${Array.from({length: width}, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const [head = [], ...rest] = rows;
  return [line(head), line(Array.from({length: width}, () => '---')), ...rest.map(line)].join('\n');
}
