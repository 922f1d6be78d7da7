/**
 * The PDF engines: two ways of laying a book out in Chromium behind one interface. The rest of
 * the program asks {@link engineFor} (engines.ts) for a book's engine and knows nothing of
 * Paged.js or of Chromium's own pagination.
 */
import type {PDFDocument} from 'pdf-lib';
import type {Book} from '../../model/book.js';
import type {BrowserSession} from './browser.js';
import type {DocumentKind} from '../shared/site.js';
import type {LineStats} from './page/lines/stats.js';
import type {NotePlan} from './page/notes/place-notes.js';

/** Where each anchored part and article ended up in the finished PDF. */
export interface Layout {
  pageCount: number;
  /** 0-based index of the page that holds `.body-start` (folio 1). */
  bodyStart: number;
  /** `data-toc-id` (and index mark ids, `ix-…`) → 0-based page index of its first fragment. */
  anchors: Record<string, number>;
  /** 0-based indices of the pages that print nothing (blanks before a recto). */
  blanks: number[];
}

/** The PDF as Chromium wrote it, and where things landed. */
export interface RenderedPdf {
  /** Not yet saved: the finishing touches go in before the one save (a long book's save and reload took seconds). */
  pdf: PDFDocument;
  layout: Layout;
  /** What the line pass corrected, and what it could not. */
  lines: LineStats;
  /** Vertical books: the notes set on the pages of their calls, or why they stayed at the articles' ends. */
  notes?: NotePlan;
  /** What the page asked for outside the book's files (a template's `url()`, say), refused. */
  refused: string[];
  /** Why the PDF is not one tagged print (a vertical book whose one print did not match its pieces). */
  untagged?: string;
}

/** Callbacks for the slow steps, so the CLI can show progress. */
interface RenderProgress {
  step?(name: 'paginate' | 'print'): void;
  /** `count` pages laid out so far; on long layouts, an estimate of the total and of the seconds left. */
  page?(count: number, estimate?: {pages: number; seconds: number}): void;
  /** The layout failed in a way a fresh browser may not (a crash, a timeout), and starts again from scratch. */
  retry?(reason: string): void;
}

export interface RenderOptions {
  signal?: AbortSignal;
  progress?: RenderProgress;
  /** How many pieces of the book to lay out at once (engines that lay out in pieces). */
  jobs?: number;
  /** Where laid-out pieces are kept between builds; none kept without it. */
  cacheDir?: string;
  /** A browser started ahead (while the book compiled), for the first attempt; launched otherwise. */
  browser?: Promise<BrowserSession>;
}

/** One way of laying a book out: the print document it needs, and how it turns that into a PDF. */
export interface PdfEngine {
  document: DocumentKind;
  /** The PDF's producer: the tools this engine prints with. */
  producer: string;
  /**
   * The script `huibian preview` runs in the reader's browser to lay the document out as this
   * engine does (Paged.js's steps); none where the browser's own layout is the engine's.
   */
  preview?(): string;
  render(book: Book, options?: RenderOptions): Promise<RenderedPdf>;
}
