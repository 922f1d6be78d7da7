/**
 * The book model: what compiling the manuscripts produces and every renderer consumes. The
 * renderers read it and never the Markdown.
 */
import type {ElementContent, Root} from 'hast';

/** A file a manuscript uses, copied into every output under `url`. */
export interface Asset {
  /** Path inside the output (`assets/…`), unique per source file. */
  url: string;
  /** Absolute path of the source file. */
  path: string;
  mediaType: string;
  /** Where the manuscript first uses it. */
  place?: {line: number; column: number};
}

/** One footnote: where it is called from and what it says, for each renderer to place its own way. */
export interface Footnote {
  /** Id of the note (the call links to `#id`). */
  id: string;
  /** Id of the call site. */
  refId: string;
  /** Number shown at the call. */
  label: string;
  /** The note's content (paragraphs), without the back link. */
  children: ElementContent[];
}

/** What every renderer needs to know about the book as a whole. */
export interface BookMeta {
  title: string;
  /** The title as the running head prints it: cut to one line. */
  runningHead: string;
  subtitle?: string;
  author?: string;
  publisher?: string;
  year?: string;
  language: string;
  writingMode: 'horizontal' | 'vertical';
  pageSize: {name: string; width: number; height: number};
  articleStart: 'page' | 'recto' | 'continue';
  /** Page numbers in Arabic (12) or Chinese numerals (十二). */
  folio: 'arabic' | 'chinese';
}

/** One manuscript, compiled: metadata from its front matter and its body as HAST. */
export interface Article {
  /** Unique id in the book (`a1`, `a2` … in reading order); the article's anchor. */
  id: string;
  title: string;
  /** The title as the running head prints it: `shortTitle`, else the title cut to one line. */
  runningHead: string;
  subtitle?: string;
  author?: string;
  date?: string;
  source?: string;
  tags: string[];
  /** Manuscript path relative to the book folder, for messages and caches. */
  file: string;
  body: Root;
  footnotes: Footnote[];
}

/** A group of articles with a title page of its own. */
export interface Part {
  /** Unique id in the book (`p1` …); the part's anchor. */
  id: string;
  /** 1-based position, for “第一部分”. */
  number: number;
  title: string;
  subtitle?: string;
  articles: Article[];
}

/** The compiled book: the one input of every renderer. */
export interface Book {
  meta: BookMeta;
  /** Articles outside any part (a preface, say), printed before the first part. */
  front: Article[];
  parts: Part[];
  /** Every image used, once each. */
  assets: Asset[];
  /** The book's own stylesheets (absolute paths): templates/custom.css, then book.yaml's `styles`, in cascade order. */
  styles: string[];
  /** Absolute path of the book folder. */
  dir: string;
}

/** Every article in reading order. */
export function articlesOf(book: Book): Article[] {
  return [...book.front, ...book.parts.flatMap((part) => part.articles)];
}
