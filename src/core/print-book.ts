/**
 * The book laid out and printed as the finished PDF: the step every PDF output shares (the
 * book itself, booklets, offprints, the cover's page count, statistics of pages).
 */
import {articlesOf, type Book} from '../model/book.js';
import type {Layout, RenderedPdf} from '../render/pdf/engine.js';
import {engineFor} from '../render/pdf/engines.js';
import {finishPdf} from '../render/pdf/finish.js';
import type {LineStats} from '../render/pdf/page/lines/stats.js';
import type {NotePlan} from '../render/pdf/page/notes/place-notes.js';
import {stopIfCancelled} from '../report/cancel.js';
import {type BuildContext, type BuildOptions, cacheDirOf} from './options.js';

/** The finished PDF and where everything landed in it. */
export interface PrintedBook {
  pdf: Uint8Array;
  pageCount: number;
  layout: Layout;
  lines: LineStats;
  notes?: NotePlan;
  refused: string[];
}

/**
 * Lay the book out in its engine and print it, not yet finished: what statistics need (the
 * layout), without saving a PDF nobody reads.
 */
export async function layOutBook(
  book: Book,
  options: Pick<BuildOptions, 'jobs' | 'cacheDir'>,
  {progress, signal, browser}: BuildContext,
): Promise<RenderedPdf> {
  const rendered = await engineFor(book).render(book, {
    signal,
    ...(browser ? {browser} : {}),
    ...(options.jobs ? {jobs: options.jobs} : {}),
    cacheDir: cacheDirOf(options, book.dir),
    progress: {
      step: (name) => progress?.step(name),
      page: (count, estimate) => progress?.detail(estimate ? `${count}/约 ${estimate.pages} 页，约剩 ${estimate.seconds} 秒` : `${count} 页`, count),
      retry: (reason) => progress?.retry?.(reason),
    },
  });
  // The engine's last steps (stitching, running heads) may end after a cancel, without the browser.
  await stopIfCancelled(signal);
  const {layout, lines, notes, untagged} = rendered;
  const notesText = !notes?.notes ? '' : notes.problem ? `；注释排在篇末（没能排在本页：${notes.problem}）` : `；注释 ${notes.notes} 条排在本页`;
  // Said, not hidden: the PDF is whole and right, but without structure for screen readers (and PDF/A level B).
  const untaggedText = untagged ? `；全书合印与分印不符（${untagged}），改为分印拼合，未加结构标签` : '';
  progress?.detail(
    `${layout.pageCount} 页；断行 ${lines.lines} 行，修正 ${lines.glued + lines.tightened + lines.compressed + lines.spread} 处，行末标点减半 ${lines.halved} 处${notesText}${untaggedText}`,
  );
  return rendered;
}

/**
 * Lay the book out and print it, finished (bookmarks, labels, metadata). A cancel during the
 * finishing save (seconds on a long book, the process busy) stops it when the save returns.
 */
export async function printBook(book: Book, options: Pick<BuildOptions, 'jobs' | 'cacheDir' | 'pdfa'>, context: BuildContext): Promise<PrintedBook> {
  const rendered = await layOutBook(book, options, context);
  const {layout, lines, notes} = rendered;
  context.progress?.step('write');
  const pdf = await finishPdf(rendered.pdf, book, layout, {producer: engineFor(book).producer, archival: options.pdfa ?? false});
  await stopIfCancelled(context.signal);
  return {pdf, pageCount: layout.pageCount, layout, lines, notes, refused: rendered.refused};
}

/** The folio a page of the finished book carries (0-based index; or would, on a page that prints none). */
export function folioNumber(layout: Layout, index: number): number {
  return index - layout.bodyStart + 1;
}

/** An article's pages in the finished PDF: 0-based indices of its first and last page. */
export interface PageRange {
  first: number;
  last: number;
}

/**
 * The pages each article occupies (by article id): from the page it opens on to the page
 * before the next anchored section opens (a part, an article, the back matter), less the
 * blank pages before it. With `articleStart: continue` an article may end on the page where
 * the next one begins; that page counts as its last.
 */
export function articlePages(book: Book, layout: Layout): Map<string, PageRange> {
  const starts = [
    ...new Set(
      Object.entries(layout.anchors)
        .filter(([id]) => id !== 'toc' && !id.startsWith('ix-'))
        .map(([, page]) => page),
    ),
  ]
    .filter((page) => page >= layout.bodyStart)
    .sort((a, b) => a - b);
  const blanks = new Set(layout.blanks);
  const shares = book.meta.articleStart === 'continue';
  const ranges = new Map<string, PageRange>();
  for (const article of articlesOf(book)) {
    const first = layout.anchors[article.id];
    if (first === undefined) continue;
    const next = starts.find((page) => page > first) ?? layout.pageCount;
    let last = shares && next < layout.pageCount && !book.parts.some((part) => layout.anchors[part.id] === next) ? next : next - 1;
    while (last > first && blanks.has(last)) last -= 1;
    ranges.set(article.id, {first, last});
  }
  return ranges;
}
