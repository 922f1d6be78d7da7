/**
 * Book folders made at run time from Chinese text nobody on the project wrote: the Debian
 * manuals (DocBook HTML of the packages maint-guide-zh-cn, maint-guide-zh-tw and debian-faq-zh-cn) and the Tang
 * and Song poems of fortunes-zh. Their copy is kept exactly as published (spaces, ASCII
 * punctuation and all): the point is to see how huibian copes with real text. Nothing of it is
 * stored in the repository; the books are written into a folder the caller gives.
 */
import {existsSync} from 'node:fs';
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import type {Element, ElementContent, Root as HastRoot, RootContent as HastContent} from 'hast';
import {fromHtml} from 'hast-util-from-html';
import {select, selectAll} from 'hast-util-select';
import {defaultHandlers, toMdast, type Handle} from 'hast-util-to-mdast';
import {toString as textOf} from 'hast-util-to-string';
import type {FootnoteDefinition, FootnoteReference, Nodes as MdastNodes, Root as MdastRoot, RootContent as MdastContent} from 'mdast';
import {gfmToMarkdown} from 'mdast-util-gfm';
import {toMarkdown} from 'mdast-util-to-markdown';

/** Where the Debian packages put their files. */
export const corpusSources = {
  maintGuide: '/usr/share/doc/maint-guide-zh-cn/html',
  /** The same guide in Traditional Chinese (Taiwan), translated on its own: a book written in Traditional. */
  maintGuideTw: '/usr/share/doc/maint-guide-zh-tw/html',
  faq: '/usr/share/doc/debian/FAQ/zh-cn',
  tang300: '/usr/share/games/fortunes/tang300.u8',
  song100: '/usr/share/games/fortunes/song100.u8',
};

/** The Debian packages whose files are missing (empty when every corpus book can be made). */
export function missingCorpusPackages(): string[] {
  const missing: string[] = [];
  if (!existsSync(path.join(corpusSources.maintGuide, 'index.zh-cn.html'))) missing.push('maint-guide-zh-cn');
  if (!existsSync(path.join(corpusSources.maintGuideTw, 'index.zh-tw.html'))) missing.push('maint-guide-zh-tw');
  if (!existsSync(path.join(corpusSources.faq, 'index.zh-cn.html'))) missing.push('debian-faq-zh-cn');
  if (!existsSync(corpusSources.tang300) || !existsSync(corpusSources.song100)) missing.push('fortunes-zh');
  return missing;
}

/** Options of the corpus books. */
export interface CorpusOptions {
  writingMode?: 'horizontal' | 'vertical';
  /** The Debian book: which manuals, in this order (default the two Simplified ones; `maint-tw` alone makes a Traditional book). */
  manuals?: Manual[];
}

/** What a corpus function wrote. */
export interface CorpusBook {
  dir: string;
  /** Manuscript paths relative to `dir`, in book order. */
  manuscripts: string[];
  parts: string[];
}

interface Article {
  name: string;
  matter: Record<string, string>;
  body: string;
}

/** YAML's double-quoted scalars are a superset of JSON strings: any title is safe this way. */
const quote = (value: string) => JSON.stringify(value);

async function writeBook(dir: string, book: Record<string, string>, parts: string[], articles: Article[], more: string[] = []): Promise<CorpusBook> {
  await mkdir(path.join(dir, 'manuscripts'), {recursive: true});
  const manuscripts = articles.map((a) => `manuscripts/${a.name}.md`);
  const yaml = [
    ...Object.entries(book).map(([key, value]) => `${key}: ${quote(value)}`),
    ...more,
    'manuscripts:',
    ...manuscripts.map((m) => `  - ${quote(m)}`),
    'parts:',
    ...parts.map((p) => `  - ${quote(p)}`),
  ];
  await writeFile(path.join(dir, 'book.yaml'), `${yaml.join('\n')}\n`);
  for (const [i, article] of articles.entries()) {
    const matter = Object.entries(article.matter).map(([key, value]) => `${key}: ${quote(value)}`);
    await writeFile(path.join(dir, manuscripts[i]!), `---\n${matter.join('\n')}\n---\n\n${article.body.trim()}\n`);
  }
  return {dir, manuscripts, parts};
}

// ---------------------------------------------------------------------------------------------
// The Debian manuals

type Manual = 'maint' | 'faq' | 'maint-tw';

/** Each manual's folder and the language tag in its file names (`index.zh-cn.html`). */
const MANUALS: Record<Manual, {folder: string; tag: string}> = {
  maint: {folder: corpusSources.maintGuide, tag: 'zh-cn'},
  faq: {folder: corpusSources.faq, tag: 'zh-cn'},
  'maint-tw': {folder: corpusSources.maintGuideTw, tag: 'zh-tw'},
};

/**
 * The Debian book: the New Maintainers' Guide, then the FAQ, one manuscript per section (an
 * `h2` section of DocBook), in the manuals' own order; each chapter is a part. Section titles
 * keep their numbers as printed. Text before a chapter's first section becomes a manuscript
 * titled by the chapter. Footnotes become GFM footnotes in the manuscript that calls them.
 * The Traditional guide alone (`manuals: ['maint-tw']`) makes a book written in Traditional
 * Chinese (`language: zh-TW`).
 */
export async function makeDebianBook(dir: string, {writingMode = 'horizontal', manuals = ['maint', 'faq']}: CorpusOptions = {}): Promise<CorpusBook> {
  const {parts, articles} = await debianArticles(manuals);
  const traditional = manuals.every((m) => m === 'maint-tw');
  const book: Record<string, string> = traditional
    ? {title: 'Debian 新維護者手冊', author: 'Debian 文件計畫', language: 'zh-TW'}
    : {title: 'Debian 文档合集', subtitle: '新维护者手册 常见问题', author: 'Debian 文档项目'};
  return writeBook(dir, {...book, pageSize: 'A5', writingMode}, parts, articles);
}

/** The manuals' sections as articles (one per `h2` section), and their chapters as parts. */
async function debianArticles(manuals: Manual[]): Promise<{parts: string[]; articles: Article[]}> {
  const parts: string[] = [];
  const articles: Article[] = [];
  for (const key of manuals) {
    const {folder, tag} = MANUALS[key];
    const manual = (await readDocbook(path.join(folder, `index.${tag}.html`))).title;
    let number = 0;
    for (const file of await chapterFiles(folder, tag)) {
      const chapter = await readChapter(path.join(folder, file));
      parts.push(chapter.title);
      const base = `${key}-${String(++number).padStart(2, '0')}-${file.replace(`.${tag}.html`, '')}`;
      const sections = chapter.intro.length ? [{title: chapter.title, nodes: chapter.intro}, ...chapter.sections] : chapter.sections;
      for (const [i, section] of sections.entries()) {
        articles.push({
          name: `${base}-${String(i).padStart(2, '0')}`,
          matter: {title: section.title, part: chapter.title, source: manual},
          body: toMarkdownText(section.nodes, chapter.footnotes),
        });
      }
    }
  }
  return {parts, articles};
}

/** A prose paragraph of a manuscript: not a heading, list, table, quote, code block or note. */
const PROSE = /^(?![#>|`\-*+]|\d+\.\s|\[\^)[^\n]*\p{Script=Han}/u;

/**
 * A book of `count` articles of real prose, all alike in shape, for measuring speed at a given
 * length (issue 24): each article twelve paragraphs of the Debian manuals taken in their
 * order (again from the start when they run out; note calls dropped), titled by the section
 * the first one comes from, twenty to a part, each article on a new page.
 */
export async function makeProseBook(dir: string, count: number, {writingMode = 'horizontal'}: CorpusOptions = {}): Promise<CorpusBook> {
  const {articles: sections} = await debianArticles(['maint', 'faq']);
  const paragraphs = sections.flatMap((section) =>
    section.body
      .split(/\n{2,}/)
      .filter((block) => PROSE.test(block))
      .map((block) => ({title: section.matter.title!, text: block.replace(/\[\^[^\]]+\]/g, '').trim()})),
  );
  const parts = Array.from({length: Math.ceil(count / 20)}, (_, i) => `第${i + 1}组`);
  const articles = Array.from({length: count}, (_, i): Article => {
    const taken = Array.from({length: 12}, (_, k) => paragraphs[(i * 12 + k) % paragraphs.length]!);
    return {
      name: `prose-${String(i + 1).padStart(4, '0')}`,
      matter: {title: `${taken[0]!.title}（${i + 1}）`, part: parts[Math.floor(i / 20)]!, source: 'Debian 文档项目'},
      body: taken.map((p) => p.text).join('\n\n'),
    };
  });
  return writeBook(dir, {title: 'Debian 文档选读', author: 'Debian 文档项目', pageSize: 'A5', writingMode}, parts, articles, ['articleStart: page']);
}

/** HTML elements that never have content: the only ones an XHTML `<x/>` may stand for. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Parse DocBook's XHTML as HTML: `<a id="x"/>` would open a link that swallows the heading. */
async function readDocbook(file: string): Promise<{tree: HastRoot; title: string}> {
  const xhtml = await readFile(file, 'utf8');
  const html = xhtml.replace(/<([a-zA-Z][\w-]*)(\s[^<>]*?)?\/>/g, (all, tag: string, attrs = '') =>
    VOID.has(tag.toLowerCase()) ? all : `<${tag}${attrs}></${tag}>`,
  );
  const tree = fromHtml(html);
  return {tree, title: collapse(textOf(select('title', tree)!))};
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The chapter files in reading order: the `<link rel="next">` chain from the index page. */
async function chapterFiles(folder: string, tag: string): Promise<string[]> {
  const files: string[] = [];
  let next = `index.${tag}.html`;
  for (;;) {
    const link = select('link[rel=next]', (await readDocbook(path.join(folder, next))).tree);
    const href = link?.properties.href;
    if (typeof href !== 'string' || files.includes(href)) return files;
    next = href;
    files.push(next);
  }
}

interface Chapter {
  title: string;
  intro: ElementContent[];
  sections: Array<{title: string; nodes: ElementContent[]}>;
  /** Footnote bodies by their number. */
  footnotes: Map<string, ElementContent[]>;
}

const hasClass = (node: HastContent | ElementContent, name: string): boolean =>
  node.type === 'element' && Array.isArray(node.properties.className) && node.properties.className.includes(name);

async function readChapter(file: string): Promise<Chapter> {
  const {tree} = await readDocbook(file);
  const chapter = select('div.chapter, div.appendix', tree);
  if (!chapter) throw new Error(`${file}: no DocBook chapter`);
  const title = collapse(textOf(select('.titlepage h1', chapter)!));

  const footnotes = new Map<string, ElementContent[]>();
  for (const note of selectAll('div.footnote', chapter)) {
    // The body opens with a back link `[4] `; the number labels the note, the link goes.
    const back = select('a.para', note);
    const label = /\d+/.exec(back ? textOf(back) : '')?.[0];
    if (!label) continue;
    prune(note, (node) => node === back);
    footnotes.set(label, note.children);
  }

  prune(
    chapter,
    (node) => hasClass(node, 'footnotes') || hasClass(node, 'toc') || hasClass(node, 'indexterm') || (node.type === 'element' && node.tagName === 'img'),
  );
  markFootnoteCalls(chapter);

  const intro: ElementContent[] = [];
  const sections: Chapter['sections'] = [];
  for (const node of chapter.children) {
    if (hasClass(node, 'titlepage')) continue;
    if (node.type === 'element' && hasClass(node, 'section')) {
      const heading = select('.titlepage h2', node);
      if (!heading) throw new Error(`${file}: a section without an h2 title`);
      const nodes = node.children.filter((child) => !hasClass(child, 'titlepage'));
      promoteSubsectionTitles(nodes);
      sections.push({title: collapse(textOf(heading)), nodes});
    } else if (sections.length === 0) intro.push(node);
  }
  // Only white space before the first section is no introduction.
  return {
    title,
    intro: intro.some((n) => collapse(n.type === 'text' ? n.value : n.type === 'element' ? textOf(n) : '') !== '') ? intro : [],
    sections,
    footnotes,
  };
}

/** Remove, at any depth under `parent`, the nodes `drop` says. */
function prune(parent: Element | HastRoot, drop: (node: ElementContent) => boolean): void {
  parent.children = (parent.children as ElementContent[]).filter((child) => !drop(child));
  for (const child of parent.children) if (child.type === 'element') prune(child, drop);
}

/**
 * The section's own title is the manuscript's; a subsection's `titlepage` block (h3, h4) becomes
 * its heading one level up, so that it prints as `##`, `###`.
 */
function promoteSubsectionTitles(nodes: ElementContent[]): void {
  nodes.forEach((node, i) => {
    if (node.type !== 'element') return;
    if (hasClass(node, 'titlepage')) {
      const heading = select('h3, h4, h5, h6', node);
      if (heading) nodes[i] = {...heading, tagName: `h${Number(heading.tagName[1]) - 1}`};
      return;
    }
    promoteSubsectionTitles(node.children);
  });
}

/**
 * Footnote calls, `<a href="#ftn.x"><sup>[4]</sup></a>` or `<sup>[<a href="#ftn.x">4</a>]</sup>`,
 * become a `footnote-call` element that the Markdown conversion turns into `[^4]`.
 */
function markFootnoteCalls(parent: Element): void {
  parent.children = parent.children.map((child) => {
    if (child.type !== 'element') return child;
    const call = isFootnoteCall(child)
      ? child
      : child.tagName === 'sup'
        ? child.children.find((c): c is Element => c.type === 'element' && isFootnoteCall(c))
        : undefined;
    if (call) return {type: 'element', tagName: 'footnote-call', properties: {label: /\d+/.exec(textOf(call))?.[0] ?? '?'}, children: []};
    markFootnoteCalls(child);
    return child;
  });
}

const isFootnoteCall = (node: Element) => node.tagName === 'a' && String(node.properties.href ?? '').startsWith('#ftn.');

const handlers: Record<string, Handle> = {
  'footnote-call': (_state, node): FootnoteReference => ({
    type: 'footnoteReference',
    identifier: String(node.properties.label),
    label: String(node.properties.label),
  }),
  // Cross references into other chapters have nowhere to point in the book: keep their text.
  a: (state, node) => (/^(https?|ftp|mailto):/.test(String(node.properties.href ?? '')) ? defaultHandlers.a(state, node) : state.all(node)),
};

/** A section's HTML as Markdown, with the footnotes it calls defined at its end. */
function toMarkdownText(nodes: ElementContent[], footnotes: Map<string, ElementContent[]>): string {
  const root = toMdast({type: 'root', children: structuredClone(nodes)}, {handlers}) as MdastRoot;
  const called: string[] = [];
  walk(root, (node) => {
    if (node.type === 'footnoteReference' && !called.includes(node.identifier)) called.push(node.identifier);
  });
  for (const label of called) {
    const body = footnotes.get(label);
    if (!body) throw new Error(`footnote ${label} has no text`);
    const note = toMdast({type: 'root', children: structuredClone(body)}, {handlers, document: true}) as MdastRoot;
    root.children.push({type: 'footnoteDefinition', identifier: label, label, children: note.children as FootnoteDefinition['children']});
  }
  return toMarkdown(root, {extensions: [gfmToMarkdown()], fences: true, bullet: '-', listItemIndent: 'one', rule: '-'});
}

function walk(node: MdastNodes, visit: (node: MdastNodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children as MdastContent[]) walk(child, visit);
}

// ---------------------------------------------------------------------------------------------
// The poems

interface Poem {
  title: string;
  subtitle?: string;
  author: string;
  /** Verse lines; `''` between stanzas, `##` lines for the numbered poems of a set (其一). */
  lines: string[];
}

/** One fortune file: entries between `%` lines, colour escapes removed. */
export function parseFortunes(text: string): Poem[] {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: fortunes-zh colours its poems with ANSI escapes
      .replace(/\x1b\[[\d;]*m/g, '')
      .split(/^%[ \t]*$/m)
      .map((entry) => entry.split('\n').map((line) => line.trim()))
      .map((lines) => lines.filter((line, i) => line !== '' || (i > 0 && lines[i - 1] !== '')))
      .map((lines) => {
        while (lines[0] === '') lines.shift();
        while (lines.at(-1) === '') lines.pop();
        return lines;
      })
      .filter((lines) => lines.length >= 2)
      .map(([heading, byline, ...verses]) => {
        // 《title》 or 题目:《title》二首: the title is inside the brackets, a rest is a subtitle.
        const match = /《(.+?)》(.*)$/.exec(heading!);
        const subtitle = match?.[2]?.trim();
        return {
          title: match ? match[1]! : heading!.replace(/^题目[:：]/, ''),
          ...(subtitle ? {subtitle} : {}),
          author: byline!.replace(/^作者[:：]/, ''),
          lines: verses,
        };
      })
  );
}

/**
 * The poems book: 唐诗三百首 and 宋词一百首, one manuscript per poem, each verse line a
 * paragraph of its own (all indented alike, never justified across), `articleStart: continue`,
 * and an index of the poets (作者索引) at the end, as an anthology has.
 */
export async function makePoemsBook(dir: string, {writingMode = 'horizontal'}: CorpusOptions = {}): Promise<CorpusBook> {
  const parts = ['唐诗三百首', '宋词一百首'];
  const articles: Article[] = [];
  for (const [key, file, part] of [
    ['tang', corpusSources.tang300, parts[0]!],
    ['song', corpusSources.song100, parts[1]!],
  ] as const) {
    for (const [i, poem] of parseFortunes(await readFile(file, 'utf8')).entries()) {
      const body = poem.lines
        .filter((line) => line !== '')
        // A set's 其一, 其二 are headings; a line of verse could never be one.
        .map((line) => (/^其[一二三四五六七八九十]+$/.test(line) ? `## ${line}` : line))
        .join('\n\n');
      articles.push({
        name: `${key}-${String(i + 1).padStart(3, '0')}`,
        matter: {title: poem.title, ...(poem.subtitle ? {subtitle: poem.subtitle} : {}), author: poem.author, part},
        body,
      });
    }
  }
  return writeBook(dir, {title: '唐诗宋词选', author: 'fortunes-zh', pageSize: 'A5', writingMode, articleStart: 'continue'}, parts, articles, [
    'backMatter: [index]',
  ]);
}
