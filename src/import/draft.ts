import {stringify} from 'yaml';
import {normalizeText} from '../typography/normalize.js';

/** One block of an imported article's body. */
export type DraftBlock =
  | {kind: 'paragraph'; text: string}
  | {kind: 'heading'; text: string; subheading?: string}
  | {kind: 'image'; src: string; caption?: string}
  | {kind: 'item'; ordered: boolean; text: string}
  | {kind: 'note'; number: number; text: string}
  | {kind: 'markdown'; text: string};

/** Where a note is called, inside a paragraph's text: replaced by `[^N]` after the text is escaped. */
export const noteCall = (n: number) => `\uE000${n}\uE001`;

/** Page furniture of a kind the report names instead of quoting: a page's own table of contents, its "back to top" links, its breadcrumb trail, its pagination. */
export type FurnitureKind = 'toc' | 'top' | 'breadcrumb' | 'pager';

/** Text left out of the body, and why: furniture of a known kind, a line read into the front matter (`matter`), or other furniture (quoted in the report). */
export interface Dropped {
  text: string;
  as?: FurnitureKind | 'matter';
}

/** What an importer found in a file: the article's metadata, its body, and what it guessed. */
export interface ArticleDraft {
  title: string;
  subtitle?: string;
  author?: string;
  date?: string;
  source?: string;
  part?: string;
  blocks: DraftBlock[];
  /** Text left out of the body: page furniture (a breadcrumb, 阅读原文, the page's contents) and the byline, date and source lines read into the front matter. */
  dropped: Dropped[];
}

/** Characters Markdown would read as syntax at a line's start or inside text. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#>+-])(?=\s)/, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])(?=\s)/, '$1$2\\$3')
    .replace(/:(?=[a-z])/gi, '\\:');
}

/**
 * The manuscript for a draft: front matter, then the body, its copy normalized as
 * `huibian check --fix` would (ASCII commas between Han characters, quotes, spaces).
 */
export function draftToMarkdown(draft: ArticleDraft): string {
  const matter: Record<string, string> = {title: normalizeText(draft.title)};
  for (const key of ['subtitle', 'author', 'date', 'source', 'part'] as const) {
    const value = draft[key];
    if (value) matter[key] = key === 'date' ? value : normalizeText(value);
  }
  const body = draft.blocks.map((block) => {
    switch (block.kind) {
      case 'paragraph':
        return escapeMarkdown(normalizeText(block.text));
      case 'heading':
        return `## ${escapeMarkdown(normalizeText(block.text))}${block.subheading ? `\n\n::subheading[${escapeMarkdown(normalizeText(block.subheading))}]` : ''}`;
      case 'image':
        return `![${block.caption ? escapeMarkdown(normalizeText(block.caption)) : ''}](${block.src.replace(/[\s()<>]/g, (c) => encodeURIComponent(c))})`;
      case 'item':
        return `${block.ordered ? '1.' : '-'} ${escapeMarkdown(normalizeText(block.text))}`;
      case 'note':
        return `[^${block.number}]: ${escapeMarkdown(normalizeText(block.text))}`;
      default:
        return block.text;
    }
  });
  const text = body.join('\n\n').replace(/\uE000(\d+)\uE001/g, '[^$1]');
  return `---\n${stringify(matter, {lineWidth: 0})}---\n\n${text}\n`;
}
