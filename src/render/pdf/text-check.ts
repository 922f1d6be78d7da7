import {articlesOf, type Book} from '../../model/book.js';
import {hanCounts} from '../../typography/han-counts.js';

/** Every piece of text a PDF draws, read back with pdf.js (what a reader or a search would find). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await pdfPageTexts(bytes)).join('');
}

/** One page of a PDF as pdf.js reads it. */
export type PdfJsPage = Awaited<ReturnType<Awaited<ReturnType<typeof import('pdfjs-dist/legacy/build/pdf.mjs').getDocument>['promise']>['getPage']>>;

/** What `read` makes of each of the first `count` pages of a PDF, read with pdf.js. */
export async function readPdfPages<T>(bytes: Uint8Array, read: (page: PdfJsPage) => Promise<T>, count = Number.POSITIVE_INFINITY): Promise<T[]> {
  // Loaded when first needed: on Node 20 the legacy build replaces Array.prototype.push for the
  // whole process with a slower one, which every build that never reads a PDF back would pay.
  const {getDocument} = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const task = getDocument({data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0});
  const doc = await task.promise;
  try {
    const pages: T[] = [];
    for (let number = 1; number <= Math.min(doc.numPages, count); number++) {
      const page = await doc.getPage(number);
      pages.push(await read(page));
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** The text each page of a PDF draws (of its first `count` pages). */
export async function pdfPageTexts(bytes: Uint8Array, count = Number.POSITIVE_INFINITY): Promise<string[]> {
  return readPdfPages(
    bytes,
    async (page) => {
      const content = await page.getTextContent();
      return content.items.map((item) => ('str' in item ? item.str : '')).join('');
    },
    count,
  );
}

/** Articles or parts (by id) whose printed text does not match their source, and how. */
export interface SectionLoss {
  ids: string[];
  problem: string;
}

/** A section of a printed document: where it begins and the text it holds up to the next one. */
export interface PrintedSection {
  id: string;
  /** 0-based page on which it begins. */
  page: number;
  text: string;
  /** It may begin part-way down a page the section before it also prints on. */
  sharesPage: boolean;
}

/**
 * Trace a printed document's lost text to its sections: each runs from its first page to the
 * page before the next one's; sections that share a page are judged together.
 */
export function sectionLosses(sections: PrintedSection[], pages: string[], drawable?: (char: string) => boolean): SectionLoss[] {
  const groups: PrintedSection[][] = [];
  for (const section of sections) {
    const last = groups.at(-1);
    if (last && (section.sharesPage || section.page <= last.at(-1)!.page)) last.push(section);
    else groups.push([section]);
  }
  const losses: SectionLoss[] = [];
  groups.forEach((group, i) => {
    const end = groups[i + 1]?.[0]?.page ?? pages.length;
    const problem = compareHan(group.map((s) => s.text).join(''), pages.slice(group[0]!.page, end).join(''), drawable);
    if (problem) losses.push({ids: group.map((s) => s.id), problem});
  });
  return losses;
}

/** Name the articles and parts where text went missing, with their manuscripts, for an error message. */
export function describeLosses(book: Book, losses: SectionLoss[]): string {
  const names = new Map<string, string>();
  for (const article of articlesOf(book)) names.set(article.id, `《${article.title}》（${article.file}）`);
  for (const part of book.parts) names.set(part.id, `部分“${part.title}”的扉页`);
  const shown = losses.slice(0, 5).map((loss) => `${loss.ids.map((id) => names.get(id) ?? id).join('、')}${loss.problem}`);
  if (losses.length > shown.length) shown.push(`另有 ${losses.length - shown.length} 处`);
  return shown.join('；');
}

/**
 * Compare the Han characters a document holds with those its PDF draws. They must be as many;
 * which ones may differ a little, because a font can draw two variant code points with one
 * glyph and the PDF's text map names only one of them (鎮/鎭 in vertical Noto Serif TC).
 * Characters `drawable` says no font has are left out (the build warns about them already).
 * Returns a sentence naming what went missing or came twice, or undefined when they agree.
 */
export function compareHan(expected: string, printed: string, drawable: (char: string) => boolean = () => true): string | undefined {
  const want = hanCounts(expected);
  const got = hanCounts(printed);
  // A character the book's font lacks (already warned about) comes from whatever font the
  // system has, or as an empty box: not counted either way.
  for (const counts of [want, got]) for (const char of counts.keys()) if (!drawable(char)) counts.delete(char);
  const lost: string[] = [];
  const extra: string[] = [];
  let lostCount = 0;
  let extraCount = 0;
  for (const [char, n] of want) {
    const m = got.get(char) ?? 0;
    if (m < n) {
      lostCount += n - m;
      if (lost.length < 12) lost.push(char);
    }
  }
  for (const [char, m] of got) {
    const n = want.get(char) ?? 0;
    if (m > n) {
      extraCount += m - n;
      if (extra.length < 12) extra.push(char);
    }
  }
  if (lostCount === extraCount) return undefined;
  const parts: string[] = [];
  if (lostCount > 0) parts.push(`丢失 ${lostCount} 字（如“${lost.join('')}”）`);
  if (extraCount > 0) parts.push(`重复 ${extraCount} 字（如“${extra.join('')}”）`);
  return parts.join('，');
}
