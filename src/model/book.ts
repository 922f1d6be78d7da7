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
  /** The language printed (BCP 47): book.yaml's `language`, or `--to`'s. */
  language: string;
  /** The language the manuscripts are written in, when the build converted them to `language` (`--to` across scripts). */
  convertedFrom?: string;
  writingMode: 'horizontal' | 'vertical';
  pageSize: {name: string; width: number; height: number};
  articleStart: 'page' | 'recto' | 'continue';
  /** Page numbers in Arabic (12) or Chinese numerals (十二). */
  folio: 'arabic' | 'chinese';
}

/** A section huibian generates from the manuscripts. */
export type ApparatusName = 'chronology' | 'index';

/** One line of the chronology (大事记): a dated article. */
interface ChronologyEntry {
  /** `YYYY-MM-DD`. */
  date: string;
  /** The day as printed under its month: `15日`. */
  day: string;
  /** The article's `summary`, else its title. */
  text: string;
  /** Id of the article (its page is the entry's page). */
  target: string;
}

/** The chronology's entries of one month, in date order, under `一月` (or `2025年1月` when the book spans years). */
export interface ChronologyMonth {
  heading: string;
  entries: ChronologyEntry[];
}

/** One term of the index and where it occurs. */
export interface IndexEntry {
  term: string;
  /** The places it occurs, in reading order: an index mark (`ix-12`) or an article (authors, sources), and the article it is in. */
  places: Array<{target: string; article: string}>;
}

/** The entries under one initial letter (`L`) or stroke count (`七画`). */
export interface IndexGroup {
  heading: string;
  entries: IndexEntry[];
}

/** One section of the index: the marked terms, authors, or sources. */
export interface IndexSection {
  kind: 'terms' | 'authors' | 'sources';
  groups: IndexGroup[];
}

/** What is generated from the manuscripts and printed before or after the articles. */
interface Apparatus {
  /** Sections after the contents, in the order book.yaml lists them. */
  front: ApparatusName[];
  /** Sections after the last article. */
  back: ApparatusName[];
  chronology: ChronologyMonth[];
  /** Sections with entries only, terms first. */
  index: IndexSection[];
  /** How the index is ordered (book.yaml `indexSort`). */
  indexSort: 'pinyin' | 'stroke';
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
  /** The chronology's line for this article, where the title would not do. */
  summary?: string;
  tags: string[];
  /** Manuscript path relative to the book folder, for messages and caches. */
  file: string;
  /** The manuscript line of each front matter key (`title: 2`), for what is printed from them. */
  matterLines?: Record<string, number>;
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
  apparatus: Apparatus;
}

/** Every article in reading order. */
export function articlesOf(book: Book): Article[] {
  return [...book.front, ...book.parts.flatMap((part) => part.articles)];
}
