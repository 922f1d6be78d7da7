/**
 * How a horizontal book is cut into chunks that Paged.js lays out one at a time (and several
 * at once): a chunk is a run of sections (front articles, part pages, articles) that begins
 * on a fresh page, so its pages do not depend on what comes before it.
 */
import {toString as textOf} from 'hast-util-to-string';
import type {Article, Book} from '../../../model/book.js';
import {rectoStarts} from '../stitch.js';

/**
 * Paragraphs are handed to Paged.js in blocks of this many lines (cut at line starts, so they
 * print the same): it duplicates or drops text in a paragraph that runs over three pages.
 */
export const PARAGRAPH_CHUNK_LINES = 12;

export interface Chunk {
  /** Section ids, in order: the chunk's part pages and articles. */
  ids: string[];
  /**
   * Its first section must begin on a recto (a blank page goes before it if it would not).
   * A chunk that need not may land on a verso: its pages are then mirrored, which is safe
   * because no section inside it needs a recto.
   */
  recto: boolean;
  /** Characters of text in its articles: for estimates of the time left. */
  chars: number;
}

/**
 * Text of a chunk, in characters, below which no cut is made after an article by its hash.
 * Each chunk costs a navigation and Paged.js's start (0.2–0.4 s) besides its pages; on two
 * cores, 24,000 laid a real-prose book of 388 pages (9 chunks) out in 18.6–21.2 s against
 * 25.6–25.8 s at 12,000 (19 chunks), and a report of 789 pages (13 chunks) in 36.5 s against
 * 41 s (23), with the same pages; Paged.js's own time per page did not grow.
 */
const MIN_CHARS = 24_000;
/** Text of a chunk above which it is cut at the next article whatever the hash says. */
const MAX_CHARS = 80_000;
/** One article in this many ends a chunk (once past MIN_CHARS), chosen by a hash of its file name. */
const CUT_ONE_IN = 4;

/**
 * Cut the book's body into chunks. Where to cut depends on each article's own file name and
 * length, not on its position: an edit to one article moves at most the cut after it, so the
 * other chunks keep their content and their cached layout. In `continue` mode articles share
 * pages, so only parts begin chunks.
 */
export function planChunks(book: Book): Chunk[] {
  const recto = new Set(rectoStarts(book));
  const sections: Array<{id: string; article?: Article}> = [
    ...book.front.map((article) => ({id: article.id, article})),
    ...book.parts.flatMap((part) => [{id: part.id}, ...part.articles.map((article) => ({id: article.id, article}))]),
  ];
  const parts = new Set(book.parts.map((part) => part.id));
  const chunks: Chunk[] = [];
  let current: Chunk | undefined;
  let chars = 0;
  let cutAfterPrevious = false;
  for (const [index, {id, article}] of sections.entries()) {
    const startsPage = book.meta.articleStart !== 'continue' || parts.has(id) || index === 0;
    // A chunk that may be mirrored must not hold a section that needs a recto.
    const mustCut = !current || (recto.has(id) && !current.recto && startsPage);
    const mayCut = startsPage && (cutAfterPrevious || chars >= MAX_CHARS);
    if (mustCut || mayCut) {
      current = {ids: [], recto: index === 0 || recto.has(id), chars: 0};
      chunks.push(current);
      chars = 0;
    }
    current!.ids.push(id);
    const length = article ? textOf(article.body).length : 0;
    chars += length;
    current!.chars += length;
    cutAfterPrevious = article !== undefined && chars >= MIN_CHARS && hashOf(article.file) % CUT_ONE_IN === 0;
  }
  return chunks;
}

/** FNV-1a: a small, stable hash of a file name. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}
