/**
 * What a build is asked to do, and how it tells progress: `buildBook` takes these; the CLI
 * parses its command line into them and shows the progress.
 */
import path from 'node:path';
import type {SheetName} from '../impose/booklet.js';
import type {BrowserSession} from '../render/pdf/browser.js';
import type {LineStats} from '../render/pdf/page/lines/stats.js';
import type {NotePlan} from '../render/pdf/page/notes/place-notes.js';
import type {VFile} from 'vfile';

export const FORMATS = ['pdf', 'epub', 'docx', 'html', 'booklet', 'offprint', 'cover', 'proof'] as const;
export type Format = (typeof FORMATS)[number];

/** How to make a booklet for the office printer (`--format booklet`). */
interface BookletChoice {
  /** Part titles, tags or file names of the articles to include; all when empty. */
  select: string[];
  /** Title of the booklet's own cover; the book's by default. */
  title?: string;
  sheet?: SheetName;
  binding?: 'left' | 'right';
  signature?: number;
  duplex: 'short' | 'long';
  creep: number;
  /** Print a test sheet instead of the book. */
  calibration: boolean;
}

/** How to make the print-shop PDF (`--press`). */
interface PressChoice {
  bleed: number;
  marks: boolean;
  pdfx?: 'gray' | 'cmyk';
}

/** How to cut offprints from the book (`--format offprint`). */
interface OffprintChoice {
  /** A manuscript file name, an article title or a part title. */
  select: string;
  /** One PDF per selected article, into the folder `out`, instead of one PDF for the selection. */
  each: boolean;
}

/** How to make the cover spread of a perfect-bound book (`--format cover`). */
/** A round of proofs (`--format proof`). */
interface ProofChoice {
  /** `--against`: the previous round's proof PDF, whose attached data this round is compared with. */
  against?: string;
}

interface CoverChoice {
  /** Thickness of one sheet (two pages) of the book's paper, in millimetres. */
  paperThickness: number;
  /** Bleed around the spread, in millimetres. */
  bleed: number;
  pdfx?: 'gray' | 'cmyk';
}

/** What `huibian build` was asked to do. */
export interface BuildOptions {
  bookDir: string;
  format: Format;
  /** Absolute output path: the PDF or EPUB file, or the HTML folder. */
  out: string;
  /** Overrides `writingMode` of book.yaml. */
  writingMode?: 'horizontal' | 'vertical';
  /** The language to print in (`--to`), over book.yaml's `language` (what the manuscripts are written in): the other script converts them (zh-Hans ⇄ zh-Hant, zh-TW, zh-HK). */
  language?: string;
  booklet?: BookletChoice;
  press?: PressChoice;
  offprint?: OffprintChoice;
  cover?: CoverChoice;
  proof?: ProofChoice;
  /** A missing or broken image is a warning and a marked gap in the book instead of an error. */
  allowMissingImages?: boolean;
  /** `--mask-personal`: resident ID and mobile numbers printed masked, in every output (the public edition). */
  maskPersonal?: boolean;
  /** `--pdfa`: the book's PDF as PDF/A-2 for the archive. */
  pdfa?: boolean;
  /** How many chunks of a horizontal book to lay out at once (browser pages); one fewer than the cores by default. */
  jobs?: number;
  /** Where compiled manuscripts and laid-out chunks are kept between builds, keyed by content hashes; {@link cacheDirOf} by default. */
  cacheDir?: string;
}

/** The build's cache folder: `--cache-dir`, else `BOOK_DIR/build/.cache`. */
export function cacheDirOf(options: Pick<BuildOptions, 'cacheDir'>, bookDir: string): string {
  return options.cacheDir ?? path.join(bookDir, 'build', '.cache');
}

/** What a build produced. */
export interface BuildResult {
  out: string;
  /** Files with the (non-fatal) messages to show. */
  files: VFile[];
  pageCount?: number;
  /** PDF builds: what the line pass corrected, and what it could not. */
  lines?: LineStats;
  /** Vertical PDF builds: the notes set on the pages of their calls, or why they stayed at the articles' ends. */
  notes?: NotePlan;
  /** Further lines for the user (the cover's spine width, the offprints written). */
  report?: string[];
}

/** The slow steps of a build, in order. */
export type StepName = 'parse' | 'compile' | 'paginate' | 'print' | 'write';

/** Where a build reports its progress (the CLI draws it on stderr). */
export interface BuildProgress {
  /** A step begins (and the one before ends). */
  step(name: StepName): void;
  /** How far the current step is, in words (“128 页”), with the pages laid out so far. */
  detail(text: string, pages?: number): void;
  /** The layout failed (a crash, a timeout) and starts again in a fresh browser. */
  retry?(reason: string): void;
}

/** Context of the steps of a build: progress, cancellation, and the browser started ahead. */
export interface BuildContext {
  progress?: BuildProgress;
  signal?: AbortSignal;
  browser?: Promise<BrowserSession>;
}
