/**
 * What a proof (校样) knows of itself, carried inside its PDF as an attached file: every line of
 * every page as it printed, with its article's manuscript and the line of the manuscript it
 * comes from; where each article opens; the numbers the contents, chronology and index print.
 * Keeping the PDF is enough for the next round (`--against`) to say what changed.
 */
import type {ElementContent, Root} from 'hast';
import {PDFDict, PDFDocument, PDFHexString, PDFName, PDFString} from 'pdf-lib';
import {VFile} from 'vfile';
import {z} from '../config/zod.js';
import {articlePages, folioNumber} from '../core/print-book.js';
import {articlesOf, type Article, type Book} from '../model/book.js';
import type {Layout} from '../render/pdf/engine.js';
import {treeEntries} from '../render/pdf/pdf-trees.js';
import {streamBytes} from '../render/pdf/stream-bytes.js';
import type {PrintedPage} from '../render/pdf/printed-lines.js';
import {romanFolio} from '../render/shared/folios.js';
import {error, InputError} from '../report/messages.js';

/** The attached file's name. */
const PROOF_FILE = 'huibian-proof.json';

const lineSchema = z.object({
  /** 1-based on its page, as printed in the margin. */
  n: z.number().int().min(1),
  text: z.string(),
  kind: z.enum(['text', 'note']),
  /** The manuscript, relative to the book folder. */
  article: z.string().optional(),
  /** 1-based line of the manuscript where the line's text begins. */
  at: z.number().int().min(1).optional(),
});

const proofSchema = z.object({
  format: z.literal('huibian-proof'),
  version: z.literal(1),
  round: z.number().int().min(1),
  title: z.string(),
  /** When the proof was made (ISO 8601). */
  built: z.string(),
  writingMode: z.enum(['horizontal', 'vertical']),
  pages: z.array(z.object({label: z.string(), lines: z.array(lineSchema)})),
  articles: z.array(z.object({file: z.string(), title: z.string(), page: z.number().int().min(0), label: z.string()})),
  /** What the contents, chronology and index print, with the page numbers they give. */
  entries: z.array(z.object({kind: z.enum(['toc', 'chronology', 'index']), text: z.string(), pages: z.string()})),
});

export type ProofData = z.infer<typeof proofSchema>;
type ProofLine = z.infer<typeof lineSchema>;

/** Text compared without spaces: Chinese has none to lose, and a line break is no change. */
export const squash = (text: string): string => text.replace(/\s+/g, '');

/** The page number a page prints: 1, 2 … from the body's first page, i, ii … before it. */
function pageLabel(layout: Layout, index: number): string {
  return index >= layout.bodyStart ? String(folioNumber(layout, index)) : romanFolio(index + 1);
}

/** The proof's data: the printed pages' lines (furniture left out) given to their articles and manuscript lines. */
export function proofData(book: Book, layout: Layout, pages: PrintedPage[], {round, built}: {round: number; built: Date}): ProofData {
  const owners = lineOwners(book, layout, pages);
  const located = locateLines(book, pages, owners);
  const proofPages = pages.map((page, p) => {
    let n = 0;
    const lines: ProofLine[] = [];
    page.lines.forEach((line, i) => {
      if (line.kind === 'furniture') return;
      const article = owners[p]![i];
      const at = located[p]![i];
      lines.push({n: ++n, text: line.text, kind: line.kind, ...(article ? {article: article.file} : {}), ...(at ? {at} : {})});
    });
    return {label: pageLabel(layout, p), lines};
  });
  return {
    format: 'huibian-proof',
    version: 1,
    round,
    title: book.meta.title,
    built: built.toISOString(),
    writingMode: book.meta.writingMode,
    pages: proofPages,
    articles: articlesOf(book)
      .filter((article) => layout.anchors[article.id] !== undefined)
      .map((article) => ({file: article.file, title: article.title, page: layout.anchors[article.id]!, label: pageLabel(layout, layout.anchors[article.id]!)})),
    entries: entriesOf(book, layout),
  };
}

/**
 * The article each printed line belongs to (furniture and pages outside articles: none). A page
 * two articles share (`articleStart: continue`) is cut where the second one's title begins;
 * the notes at its foot go with the last.
 */
function lineOwners(book: Book, layout: Layout, pages: PrintedPage[]): Array<Array<Article | undefined>> {
  const ranges = articlePages(book, layout);
  const byPage = pages.map(() => [] as Article[]);
  for (const article of articlesOf(book)) {
    const range = ranges.get(article.id);
    if (range) for (let p = range.first; p <= range.last; p++) byPage[p]?.push(article);
  }
  return pages.map((page, p) => {
    const articles = byPage[p]!;
    let current = 0;
    return page.lines.map((line) => {
      if (line.kind === 'furniture' || articles.length === 0) return undefined;
      const next = articles[current + 1];
      if (next && line.kind === 'text' && opensWith(next.title, line.text)) current += 1;
      return articles[current];
    });
  });
}

/** Whether a printed line is (the start of) a title, or the title the start of the line. */
function opensWith(title: string, line: string): boolean {
  const [t, l] = [squash(title), squash(line)];
  return l.length > 1 && (t.startsWith(l) || l.startsWith(t));
}

/** Text of a manuscript's body or notes, squashed, with the manuscript line of each character. */
interface SourceText {
  text: string;
  lines: number[];
}

/** The text of HAST nodes with the line each character stands on in the manuscript (or the nearest element's line). */
function sourceText(nodes: ElementContent[] | Root['children']): SourceText {
  const out: SourceText = {text: '', lines: []};
  const walk = (node: Root['children'][number], line: number) => {
    const start = node.position?.start.line;
    if (node.type === 'text') {
      let at = start ?? line;
      for (const char of node.value) {
        if (char === '\n' && start !== undefined) at += 1;
        if (/\s/.test(char)) continue;
        out.text += char;
        out.lines.push(at);
      }
    } else if ('children' in node) for (const child of node.children) walk(child as Root['children'][number], start ?? line);
  };
  for (const node of nodes) walk(node as Root['children'][number], 1);
  return out;
}

/**
 * The manuscript line each printed line begins on: its text found in the article's body (or
 * notes) from where the line before it was found, by a few characters at a time, so that what
 * the print adds (note numbers, a date set as 2025年3月12日) does not lose the place. The lines
 * of the article's heading, printed from its front matter, have the line of their key there.
 */
function locateLines(book: Book, pages: PrintedPage[], owners: Array<Array<Article | undefined>>): Array<Array<number | undefined>> {
  const sources = new Map<Article, {body: SourceText; notes: SourceText; cursor: {text: number; note: number}}>();
  for (const article of articlesOf(book)) {
    sources.set(article, {
      body: sourceText(article.body.children),
      notes: sourceText(article.footnotes.flatMap((note) => note.children)),
      cursor: {text: 0, note: 0},
    });
  }
  return pages.map((page, p) =>
    page.lines.map((line, i) => {
      const article = owners[p]![i];
      const source = article && sources.get(article);
      if (!source || line.kind === 'furniture') return undefined;
      // The title's words found in the text would lose the place.
      if (opensWith(article.title, line.text)) return article.matterLines?.title;
      const stream = line.kind === 'note' ? source.notes : source.body;
      const found = find(stream.text, squash(line.text), source.cursor[line.kind]) ?? find(stream.text, squash(line.text), 0, stream.text.length);
      if (found === undefined) return line.kind === 'text' ? headingLine(article, line.text) : undefined;
      source.cursor[line.kind] = found.end;
      return stream.lines[found.start];
    }),
  );
}

/** The front matter line a line of the article's heading is printed from: its subtitle, byline or source (with the date). */
function headingLine(article: Article, text: string): number | undefined {
  const line = squash(text);
  const key = (['subtitle', 'author', 'source', 'title'] as const).find((name) => {
    const value = article[name];
    return value !== undefined && squash(value).length > 1 && line.includes(squash(value));
  });
  return key && article.matterLines?.[key];
}

/**
 * Where in `text` after `from` a piece of `line` stands: six characters tried from each fourth
 * one of the line's first forty (from the start, where the line before was not where it seemed).
 */
function find(text: string, line: string, from: number, reach = 2000): {start: number; end: number} | undefined {
  for (let k = 0; k < Math.min(line.length, 40); k += 4) {
    const probe = line.slice(k, k + 6);
    if (probe.length < Math.min(6, line.length)) break;
    const at = text.indexOf(probe, from);
    // Far ahead is another place with the same words, not this line's.
    if (at !== -1 && at - from < reach) return {start: at, end: at + probe.length};
  }
  return undefined;
}

/** The contents', chronology's and index's entries as they print, with their page numbers. */
function entriesOf(book: Book, layout: Layout): ProofData['entries'] {
  const at = (id: string) => layout.anchors[id];
  const label = (id: string) => (at(id) === undefined ? '' : pageLabel(layout, at(id)!));
  const entries: ProofData['entries'] = [];
  if ('toc' in layout.anchors) {
    for (const article of book.front) entries.push({kind: 'toc', text: article.title, pages: label(article.id)});
    for (const part of book.parts) {
      entries.push({kind: 'toc', text: part.title, pages: label(part.id)});
      for (const article of part.articles) entries.push({kind: 'toc', text: article.title, pages: label(article.id)});
    }
  }
  const printed = [...book.apparatus.front, ...book.apparatus.back];
  if (printed.includes('chronology')) {
    for (const month of book.apparatus.chronology) {
      for (const entry of month.entries) entries.push({kind: 'chronology', text: `${entry.date} ${entry.text}`, pages: label(entry.target)});
    }
  }
  if (printed.includes('index')) {
    for (const section of book.apparatus.index) {
      for (const group of section.groups) {
        for (const entry of group.entries) {
          const pages = [...new Set(entry.places.map((place) => label(place.target)).filter(Boolean))];
          entries.push({kind: 'index', text: entry.term, pages: pages.join(', ')});
        }
      }
    }
  }
  return entries;
}

/** Attach the data to the proof (PDF 32000-1 §7.11.4, an embedded file the document names). */
export async function attachProofData(doc: PDFDocument, data: ProofData): Promise<void> {
  const built = new Date(data.built);
  await doc.attach(new TextEncoder().encode(JSON.stringify(data)), PROOF_FILE, {
    mimeType: 'application/json',
    description: '校样数据：每页每行的文字、所属稿件和稿件行号（huibian --against 读取）',
    creationDate: built,
    modificationDate: built,
  });
}

/**
 * The data of an earlier proof, read from its PDF. A file that is no PDF, or no proof of
 * huibian's, or one whose data cannot be read, is an input error at `name`.
 */
export async function readProofData(bytes: Uint8Array, name: string): Promise<ProofData> {
  const file = new VFile({path: name});
  const refuse = (why: string): never => {
    error(file, `${why}：--against 要的是上一轮 \`huibian build --format proof\` 写出的校样 PDF`, {line: 1, column: 1}, 'against');
    throw new InputError([file]);
  };
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, {updateMetadata: false, ignoreEncryption: true});
  } catch {
    return refuse('不是可读的 PDF');
  }
  const names = doc.catalog.lookup(PDFName.of('Names'));
  const tree = names instanceof PDFDict ? names.lookup(PDFName.of('EmbeddedFiles')) : undefined;
  const spec = treeEntries(tree, 'Names').find(([key]) => (key instanceof PDFString || key instanceof PDFHexString) && key.decodeText() === PROOF_FILE)?.[1];
  const embedded = spec instanceof PDFDict ? spec.lookup(PDFName.of('EF')) : undefined;
  const stream = embedded instanceof PDFDict ? embedded.lookup(PDFName.of('F')) : undefined;
  const raw = stream && streamBytes(stream);
  if (!raw) return refuse(`没有附带校样数据（${PROOF_FILE}）`);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    return refuse('附带的校样数据不完整');
  }
  const parsed = proofSchema.safeParse(json);
  return parsed.success ? parsed.data : refuse('附带的校样数据不是这个版本的 huibian 能读的');
}
