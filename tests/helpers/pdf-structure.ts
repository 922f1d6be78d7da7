/**
 * A PDF's structure, fonts and marked content as the tools outside huibian read them:
 * `pdfinfo -struct-text` (poppler), `qpdf --qdf` (content streams one operator a line) and the
 * fonts' ToUnicode maps (pdf-lib reading the objects, nothing of huibian's).
 */
import {execFile} from 'node:child_process';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream} from 'pdf-lib';

const run = promisify(execFile);

/** One element of the structure tree, with the text of its content (its descendants' included). */
export interface StructElement {
  type: string;
  depth: number;
  /** The element's types from the root down to it. */
  path: string[];
  text: string;
}

/** The structure tree as `pdfinfo -struct-text` prints it, in its order; empty for an untagged PDF. */
export async function structElements(pdf: string): Promise<StructElement[]> {
  const {stdout} = await run('pdfinfo', ['-struct-text', pdf], {maxBuffer: 256 << 20});
  const elements: StructElement[] = [];
  const open: StructElement[] = [];
  for (const line of stdout.split('\n')) {
    const depth = (line.length - line.trimStart().length) / 2;
    const body = line.trim();
    if (!body) continue;
    while (open.length > 0 && open.at(-1)!.depth >= depth) open.pop();
    if (body.startsWith('"')) {
      const text = body.slice(1, body.endsWith('"') ? -1 : undefined);
      for (const element of open) element.text += text;
      continue;
    }
    // An element's attributes (`/Scope /Column`) are not elements; a cell without an ID prints as `TD:`.
    if (body.startsWith('/')) continue;
    const type = body.split(' ')[0]!.replace(/:$/, '');
    const element = {type, depth, path: [...open.map((e) => e.type), type], text: ''};
    elements.push(element);
    open.push(element);
  }
  return elements;
}

/** Types of the elements that hold the book's text: paragraphs, headings, lists, tables, figures, notes, links. */
const CONTENT = /^(P|H[1-6]|L|LI|Lbl|LBody|Table|TR|TH|TD|Figure|Caption|BlockQuote|Note|TOC|TOCI|Link|Index)$/;

/** The text of the content elements, each once: at its outermost such element. */
export function contentText(elements: StructElement[]): string {
  return elements
    .filter((e) => CONTENT.test(e.type) && !e.path.slice(0, -1).some((type) => CONTENT.test(type)))
    .map((e) => e.text)
    .join('');
}

/**
 * The titles (in book order) that are not headings after the title before them, compared as
 * `key` gives them: empty when every title is a heading, in that order.
 */
export function headingsOutOfOrder(elements: StructElement[], titles: string[], key: (text: string) => string): string[] {
  const headings = elements.filter((e) => /^H[1-6]$/.test(e.type)).map((e) => key(e.text));
  let at = 0;
  return titles.filter((title) => {
    const found = headings.indexOf(key(title), at);
    if (found < 0) return true;
    at = found + 1;
    return false;
  });
}

/** How many elements of the structure tree are Figures without alternative text (PDF/UA requires it). */
async function figuresWithoutAlt(pdf: string): Promise<number> {
  const doc = await PDFDocument.load(await readFile(pdf), {updateMetadata: false});
  let count = 0;
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(PDFName.of('S')) === PDFName.of('Figure') && !object.has(PDFName.of('Alt'))) count++;
  }
  return count;
}

/**
 * What is wrong with how the book's own parts are typed: a TOC with an entry (TOCI) for each of
 * `articles` at least, `notes` Notes, an Index, Figures each with alternative text. Empty when
 * nothing is.
 */
export async function typingProblems(pdf: string, elements: StructElement[], {articles, notes}: {articles: number; notes: number}): Promise<string[]> {
  const counts: Record<string, number> = {};
  for (const {type} of elements) counts[type] = (counts[type] ?? 0) + 1;
  const count = (type: string) => counts[type] ?? 0;
  const withoutAlt = await figuresWithoutAlt(pdf);
  return [
    count('TOC') === 0 ? 'no TOC' : '',
    count('TOCI') < articles ? `${count('TOCI')} TOCI for ${articles} articles` : '',
    count('Note') !== notes ? `${count('Note')} Notes, not ${notes}` : '',
    count('Index') === 0 ? 'no Index' : '',
    count('Figure') === 0 ? 'no Figure' : '',
    withoutAlt > 0 ? `${withoutAlt} Figures without Alt` : '',
  ].filter(Boolean);
}

/** For each font embedded in more than one subset holding the same character, those characters: empty when each slice is embedded once. */
export async function charactersInTwoSubsets(pdf: string): Promise<Record<string, string[]>> {
  const twice: Record<string, string[]> = {};
  for (const [font, subsets] of await fontSubsets(pdf)) {
    const seen = new Set<string>();
    const repeated = subsets.flatMap((characters) => [...characters].filter((c) => seen.has(c) || !seen.add(c)));
    if (repeated.length > 0) twice[font] = repeated;
  }
  return twice;
}

/** For each font (its name without the subset tag), the characters each embedded subset of it maps to. */
async function fontSubsets(pdf: string): Promise<Map<string, Array<Set<string>>>> {
  const doc = await PDFDocument.load(await readFile(pdf), {updateMetadata: false});
  const fonts = new Map<string, Array<Set<string>>>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.lookup(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const map = object.lookup(PDFName.of('ToUnicode'));
    const name = object.lookup(PDFName.of('BaseFont'));
    if (!(map instanceof PDFRawStream) || !(name instanceof PDFName)) continue;
    const base = name.decodeText().replace(/^[A-Z]{6}\+/, '');
    fonts.set(base, [...(fonts.get(base) ?? []), charactersOf(new TextDecoder().decode(decodePDFRawStream(map).decode()))]);
  }
  return fonts;
}

/** The characters a ToUnicode CMap maps glyphs to (its bfchar and bfrange entries). */
function charactersOf(cmap: string): Set<string> {
  const characters = new Set<string>();
  const hex = (text: string) => String.fromCodePoint(...(text.match(/.{4}/g) ?? []).map((unit) => Number.parseInt(unit, 16)));
  for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, target] of block!.matchAll(/<[0-9A-Fa-f]+>\s*<([0-9A-Fa-f]+)>/g)) characters.add(hex(target!));
  }
  for (const [, block] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, from, to, target] of block!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const first = Number.parseInt(target!, 16);
      for (let i = 0; i <= Number.parseInt(to!, 16) - Number.parseInt(from!, 16); i++) characters.add(String.fromCodePoint(first + i));
    }
  }
  return characters;
}

/** Painting operators (text, paths, XObjects, shadings) outside any marked content, on all pages: what is neither structure nor artifact. */
export async function unmarkedPainting(pdf: string): Promise<number> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'huibian-qdf-'));
  try {
    const qdf = path.join(dir, 'qdf.pdf');
    await run('qpdf', ['--qdf', '--object-streams=disable', pdf, qdf]);
    const text = (await readFile(qdf)).toString('latin1');
    let unmarked = 0;
    for (const [, stream] of text.matchAll(/%% Contents for page \d+\n[\s\S]*?stream\n([\s\S]*?)endstream/g)) {
      let depth = 0;
      for (const line of stream!.split('\n')) {
        if (/\b(BDC|BMC)$/.test(line)) depth++;
        else if (/^EMC$/.test(line.trim())) depth--;
        else if (depth === 0 && /(^|\s)(Tj|TJ|'|"|Do|sh|S|s|f|F|f\*|B|B\*|b|b\*)$/.test(line.trim())) unmarked++;
      }
    }
    return unmarked;
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}
