import type {Element, ElementContent, Root} from 'hast';
import {h} from 'hastscript';
import rehypeStringify from 'rehype-stringify';
import {unified} from 'unified';
import {type ApparatusName, type Article, articlesOf, type Book, type Part} from '../../model/book.js';
import {adaptTree} from './adapt.js';
import {apparatusId, apparatusSection, apparatusTitle, type Locate, pageLocators, titleLocate} from './apparatus.js';
import {folioText} from './folios.js';
import {linkAcrossPieces} from './piece-links.js';
import {articleHeader} from './article-opening.js';
import {restoreBoundaryBreaks} from './boundary-breaks.js';
import {wrapInlineRuns} from './inline-runs.js';
import {inlineSvgImages} from './inline-svg.js';
import {endnotes, inlineFootnotes} from './footnotes.js';
import {type Labels, labelsFor} from './labels.js';
import {partHeading, partPageLines, titlePageLines} from './pages.js';
import {markForTaggedPdf} from './structure-marks.js';
import {writingModeOf} from './writing-mode.js';

/** What goes into a print document and what it links (paths relative to it). */
export interface PrintOptions {
  stylesheets: string[];
  scripts: string[];
  /** SVG images to draw inline, by asset URL (see `loadSvgs`). */
  svgs?: Map<string, Element>;
  /**
   * The whole book (the preview), or one piece printed alone: the front matter, the body (each
   * numbered from 1), or the back matter (chronology, index).
   */
  sections?: 'all' | 'front' | 'body' | 'back';
  /** With `sections: 'body'`: only these part pages and articles, by id (one chunk of a book laid out in pieces). */
  only?: ReadonlySet<string>;
  /** Folios to print in the TOC, by anchor id (else the renderer fills them in after layout). */
  tocFolios?: Map<string, string>;
  /** Body page numbers (1-based, as printed) of articles and index marks, by id: the chronology's and index's locators. */
  pages?: Map<string, number>;
  /** Footnotes at their call (for `float: footnote`), or gathered at the end of each article. */
  notes?: 'inline' | 'end';
  /** Han–Latin gaps and punctuation squeeze from CSS (Chromium), or as markup for other readers. */
  spacing?: 'css' | 'markup';
  /** For a tagged PDF: the contents, notes and index marked, figures named (structure-marks.ts). */
  tagged?: boolean;
}

/**
 * The book as one HTML document for paged media: cover, title page, colophon, table of
 * contents, then parts and articles. Page breaks, running heads and folios are left to CSS
 * (templates/); elements carry the classes and ids that CSS and the PDF step use. Vertical
 * books get vertical quotes and upright short numbers here.
 */
export function printDocument(book: Book, options: PrintOptions): string {
  const {meta} = book;
  const {sections = 'all'} = options;
  const labels = labelsFor(meta.language);
  // Without pages (the HTML page, the preview) the apparatus names articles instead.
  const locate = options.pages ? printLocate(book, options.pages) : titleLocate(book, (article, target) => `#${target ?? article}`);
  const apparatus = (names: ApparatusName[]) => names.map((name) => apparatusSection(name, book, labels, locate));
  const front: ElementContent[] = [
    cover(book),
    titlePage(book),
    colophon(book, labels),
    tableOfContents(book, labels, options.tocFolios),
    ...apparatus(book.apparatus.front),
  ];
  const wanted = (id: string) => !options.only || options.only.has(id);
  const main: ElementContent[] = [
    ...book.front.filter((article) => wanted(article.id)).map((article) => articleSection(book, article, 'front-article', options)),
    ...book.parts
      .filter((part) => wanted(part.id) || part.articles.some((article) => wanted(article.id)))
      .map((part) => partSection(book, part, wanted, options)),
  ];
  // The first page after the front matter is page 1 (the page CSS resets the counter there);
  // a chunk's pages are numbered where they are stitched in.
  const first = main[0];
  if (first?.type === 'element' && !options.only) (first.properties.className as string[]).push('body-start');
  const back = apparatus(book.apparatus.back);
  const body = sections === 'front' ? front : sections === 'body' ? main : sections === 'back' ? back : [...front, ...main, ...back];
  // A piece printed alone links to and from the others by id (see piece-links.ts).
  if (sections !== 'all') linkAcrossPieces(body);

  const tree: Root = {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: meta.language, className: [writingModeOf(meta).htmlClass, ...(options.spacing === 'markup' ? ['spacing-markup'] : [])]}, [
        h('head', [
          h('meta', {charSet: 'utf-8'}),
          h('title', meta.title),
          ...options.stylesheets.map((href) => h('link', {rel: 'stylesheet', href})),
          ...options.scripts.map((src) => h('script', {src})),
        ]),
        h('body', body),
      ]),
    ],
  };
  if (options.tagged) markForTaggedPdf(tree, meta.language);
  adaptTree(meta, tree, options.spacing ?? 'css');
  wrapInlineRuns(tree);
  restoreBoundaryBreaks(tree);
  return unified().use(rehypeStringify).stringify(tree);
}

/** The book's cover page; the cover spread (`--format cover`) sets the same section as its front. */
export function cover(book: Book): ElementContent {
  const {meta} = book;
  return h('section.cover', {dataRole: 'cover', dataTocId: 'cover'}, [
    h('div.cover-band'),
    h('h1.cover-title', meta.title),
    meta.subtitle ? h('p.cover-subtitle', meta.subtitle) : undefined,
    h('div.cover-foot', [meta.author ? h('p.cover-author', meta.author) : undefined, meta.year ? h('p.cover-year', meta.year) : undefined]),
  ]);
}

function titlePage(book: Book): ElementContent {
  return h('section.title-page', {dataTocId: 'title-page'}, titlePageLines(book.meta, {runningHead: true}));
}

function colophon(book: Book, labels: Labels): ElementContent {
  const {meta} = book;
  const count = articlesOf(book).length;
  const rows: Array<[string, string | undefined]> = [
    [labels.colophon.title, meta.title],
    [labels.colophon.editor, meta.author],
    [labels.colophon.printer, meta.publisher],
    [labels.colophon.year, meta.year],
    [labels.colophon.articles, labels.articleCount(count)],
  ];
  // A list of term and value for the PDF's structure (Chromium tags a plain <dl> as no list).
  return h('section.colophon', [
    h(
      'dl.colophon-list',
      {role: 'list'},
      rows.filter(([, v]) => v).map(([k, v]) => h('div.colophon-row', {role: 'listitem'}, [h('dt', k), h('dd', v)])),
    ),
  ]);
}

function tableOfContents(book: Book, labels: Labels, folios: Map<string, string> | undefined): ElementContent {
  const link = (id: string, text: string) =>
    h('a.toc-link', {href: `#${id}`}, [h('span.toc-title', text), h('span.toc-leader'), h('span.toc-page', folios?.get(id) ?? '')]);
  const entry = (id: string, text: string) => h('li.toc-article', [link(id, text)]);
  const generated = (names: ApparatusName[]) => names.map((name) => entry(apparatusId(name), apparatusTitle(name, labels)));
  return h('nav.toc', {id: 'toc', role: 'doc-toc', dataTocId: 'toc'}, [
    h('h1.toc-heading', labels.contents),
    h('ol.toc-list', [
      ...generated(book.apparatus.front),
      ...book.front.map((a) => entry(a.id, a.title)),
      ...book.parts.map((part) =>
        h('li.toc-part', [
          // A block of its own: a bare link beside the list would become an inline run
          // (inline-runs.ts), out of reach of the part line's style.
          h('div.toc-part-heading', [link(part.id, partHeading(part, labels))]),
          h(
            'ol',
            part.articles.map((a) => entry(a.id, a.title)),
          ),
        ]),
      ),
      ...generated(book.apparatus.back),
    ]),
  ]);
}

/** Locators with page numbers: an article's first page, an index entry's pages with ranges joined. */
function printLocate(book: Book, pages: Map<string, number>): Locate {
  const folio = (page: number) => folioText(page, book.meta.folio);
  return {
    separator: '，',
    article: (id) => ({text: pages.has(id) ? folio(pages.get(id)!) : '', href: `#${id}`}),
    href: (id) => `#${id}`,
    places: (entry) => pageLocators(entry, (id) => pages.get(id), folio),
  };
}

function partSection(book: Book, part: Part, wanted: (id: string) => boolean, options: PrintOptions): ElementContent {
  // The anchor is the part page itself: the section may begin on the page before it.
  return h('section.part', [
    wanted(part.id) ? h('div.part-page', {id: part.id, dataTocId: part.id}, partPageLines(part, labelsFor(book.meta.language))) : undefined,
    ...part.articles.filter((article) => wanted(article.id)).map((article) => articleSection(book, article, 'part-article', options)),
  ]);
}

function articleSection(book: Book, article: Article, className: string, options: PrintOptions): ElementContent {
  const labels = labelsFor(book.meta.language);
  const body = options.notes === 'end' ? endnotes(article.body, article.footnotes, labels) : inlineFootnotes(article.body, article.footnotes);
  if (options.svgs) inlineSvgImages(body, options.svgs, article.id);
  return h(`article.article.${className}.start-${book.meta.articleStart}`, {id: article.id, dataTocId: article.id}, [
    articleHeader(article, labels),
    h('div.article-body', body.children as ElementContent[]),
  ]);
}
