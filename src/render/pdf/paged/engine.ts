import {readFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {PDFDocument} from 'pdf-lib';
import {packageDir} from '../../../files/package-dir.js';
import type {Book} from '../../../model/book.js';
import {stopIfCancelled} from '../../../report/cancel.js';
import {EnvironmentError} from '../../../report/messages.js';
import {readTemplate} from '../../../files/templates.js';
import {type PrintOptions, printDocument} from '../../shared/print-document.js';
import {codePointsOf, faceSheet} from '../../shared/fonts.js';
import {BASE_STYLESHEETS, documentLinks, siteFiles} from '../../shared/site.js';
import type {PdfEngine, RenderedPdf, RenderOptions} from '../engine.js';
import {folioText, romanFolio} from '../../shared/folios.js';
import {apparatusId} from '../../shared/apparatus.js';
import {type LayoutCache, openLayoutCache} from '../layout-cache.js';
import {addLineStats} from '../line-stats.js';
import {inPage, pageScript} from '../page-code.js';
import type {LineStats} from '../page/lines/stats.js';
import type {PagedLayout} from '../page/paginate.js';
import type {LaidOutPages} from '../page/laid-out-pages.js';
import type {PageSides} from '../page/page-sides.js';
import {openDocument, type PrintContext, printPdf, withPrintPage} from '../print-page.js';
import {areaStyle, sheetMarkup, sheetsOf} from '../running-heads.js';
import {FAST} from '../stitch.js';
import {bookDocument, type PlacedPiece} from './book-document.js';
import {describeLosses} from '../text-check.js';
import {type Chunk, PARAGRAPH_CHUNK_LINES, planChunks} from './chunks.js';
import {previewScript} from './preview.js';
import {TimeLeft} from './time-left.js';
import {PAGED_FIXES} from './paged-fixes.js';

/**
 * Horizontal books, laid out by Paged.js in headless Chromium (footnotes at the page foot,
 * TOC numbers from where the anchors landed). The preview lays the whole document out in
 * one go; the PDF is laid out in chunks (see {@link renderPagedPdf}).
 */
export const pagedEngine: PdfEngine = {
  document: {
    stylesheets: [...BASE_STYLESHEETS, 'pages-horizontal.css', 'paged-fixes.css'],
    scripts: ['paged.js'],
    notes: 'inline',
    spacing: 'css',
    tagged: true,
    files: async () =>
      new Map<string, string | Buffer>([
        ['paged.js', await readFile(path.join(packageDir('pagedjs'), 'dist', 'paged.js'))],
        ['paged-fixes.css', PAGED_FIXES],
      ]),
  },
  producer: 'huibian (Chromium, Paged.js, pdf-lib)',
  render: renderPagedPdf,
  preview: previewScript,
};

/** In the PDF's pieces the margins stay empty: running heads and folios are laid over the stitched pages. */
const PIECE_CSS = '.pagedjs_margin { visibility: hidden !important; }\n';

/** One piece laid out: its pages, and what the book's document needs to know about it. */
interface LaidChunk extends LaidOutPages {
  pageCount: number;
  /** Section id → 0-based page in the chunk. */
  anchors: Record<string, number>;
  /** Blank pages Paged.js put in (0-based in the chunk): no running head, no folio. */
  blanks: number[];
  lines: LineStats;
  sides: PageSides;
}

/**
 * Lay the book out with Paged.js in chunks — runs of articles that begin on a fresh page (see
 * chunks.ts) — `jobs` at a time in pages of one browser, each cached by content; then the
 * back matter, and the front matter with the TOC's numbers known; then print their pages as
 * one document (paged/book-document.ts), with blank pages where a recto is due, the pages of
 * a chunk that landed on a verso turned to it, and the running heads and folios laid in.
 * Paged.js's time grows faster than the pages it lays out in one document; chunks keep each
 * layout short, and the one print makes one PDF of them (one structure tree, each font once).
 * Fails rather than write a PDF if Paged.js lost or repeated any Han character.
 */
async function renderPagedPdf(book: Book, options: RenderOptions = {}): Promise<RenderedPdf> {
  const site = await siteFiles(book, pagedEngine.document);
  const links = await documentLinks(book, pagedEngine.document);
  const pieceLinks = {...links, stylesheets: [...links.stylesheets, 'piece.css']};
  site.files.set('piece.css', PIECE_CSS);
  site.files.set('running-heads.css', await readTemplate(book.dir, 'running-heads.css'));
  // Each print page declares only the font faces it prints: Paged.js loads every face declared
  // (a fresh renderer decodes each), and the sheet holds 501.
  const fonts = String(site.files.get('fonts.css'));
  const sheet = faceSheet(fonts);
  // The files of the faces the pieces' text asks for: the book's one document fetches them first.
  const preload = new Set<string>();
  const facesFor = (...texts: string[]) => {
    const kept = sheet.keep(codePointsOf(...texts));
    for (const url of kept.urls) preload.add(url);
    return kept.css;
  };
  const generated = generatedText(site.files);
  const chunks = planChunks(book);
  for (const [i, chunk] of chunks.entries()) {
    const faces = `fonts-${i + 1}.css`;
    const stylesheets = pieceLinks.stylesheets.map((name) => (name === 'fonts.css' ? faces : name));
    const html = printDocument(book, {...pieceLinks, stylesheets, sections: 'body', only: new Set(chunk.ids)});
    site.files.set(chunkName(i), html);
    site.files.set(faces, facesFor(html, generated));
  }
  // The back matter (index terms, chronology), and the front matter: titles, labels, folios.
  site.files.set(BACK_FACES, facesFor(printDocument(book, {stylesheets: [], scripts: [], sections: 'back'}), generated));
  site.files.set('fonts.css', facesFor(printDocument(book, {stylesheets: [], scripts: [], sections: 'front'}), generated));
  // The book's one document: every face, of which the browser loads those its text uses.
  site.files.set(BOOK_FACES, fonts);

  return withPrintPage(site, options, async (context) => {
    // The faces a chunk uses are in the sheet whatever the others print: the whole sheet is the input, not the part kept.
    const cache = await openLayoutCache(options.cacheDir, site, (name) => name.endsWith('.html') || /^fonts.*\.css$/.test(name), [
      layoutCode(),
      fonts,
      context.browserVersion,
    ]);
    options.progress?.step?.('paginate');
    const tabs = new Tabs(context);
    try {
      return await layOutAndPrint(context, book, chunks, {
        jobs: options.jobs ?? DEFAULT_JOBS,
        cache,
        tabs,
        files: site.files,
        links: pieceLinks,
        fontFiles: [...preload],
        progress: options.progress,
        signal: options.signal,
      });
    } finally {
      await tabs.close();
    }
  });
}

/** The steps of {@link renderPagedPdf} in the browser: chunks, back and front matter laid out, then the book printed in one document. */
async function layOutAndPrint(
  context: PrintContext,
  book: Book,
  chunks: Chunk[],
  {
    jobs,
    cache,
    tabs,
    files,
    links,
    fontFiles,
    progress,
    signal,
  }: {
    jobs: number;
    fontFiles: string[];
    cache: LayoutCache;
    tabs: Tabs;
    files: Map<string, string | Buffer>;
    links: PrintOptions;
    progress: RenderOptions['progress'];
    signal: RenderOptions['signal'];
  },
): Promise<RenderedPdf> {
  const laid = await layOutChunks(context, book, chunks, {jobs, cache, files, tabs});

  // The body's pages in order, a blank before each chunk that must begin on a recto and would not.
  const anchors: Record<string, number> = {};
  const body: PlacedPiece[] = [];
  const bodyBlanks: number[] = [];
  let at = 0;
  chunks.forEach((chunk, i) => {
    const blankBefore = chunk.recto && at % 2 === 1;
    if (blankBefore) bodyBlanks.push(at++);
    body.push({pages: laid[i]!.pages, blankBefore, mirrored: at % 2 === 1});
    for (const [id, page] of Object.entries(laid[i]!.anchors)) anchors[id] = at + page;
    for (const page of laid[i]!.blanks) bodyBlanks.push(at + page);
    at += laid[i]!.pageCount;
  });
  const bodyPages = laid.reduce((sum, chunk) => sum + chunk.pageCount, 0);
  // Job 0's page, warm if it laid out a chunk (fonts loaded, code compiled); opened only if the
  // back or front matter is not in the cache (the book's print opens it in any case).
  const warm = () => tabs.get(0, (count) => context.laidOut(bodyPages + count));

  // The back matter (chronology, index) on the next recto, with the body's pages known.
  const pages = new Map(Object.entries(anchors).map(([id, page]) => [id, page + 1]));
  const back = book.apparatus.back.length > 0 ? await layOutBack(warm, book, cache, files, links, pages) : undefined;
  if (back) {
    const blankBefore = at % 2 === 1;
    if (blankBefore) bodyBlanks.push(at++);
    body.push({pages: back.pages, blankBefore, mirrored: false});
    for (const [id, page] of Object.entries(back.anchors)) anchors[id] = at + page;
    for (const page of back.blanks) bodyBlanks.push(at + page);
    at += back.pageCount;
  }

  // The front matter, with the TOC's folios known (body page i is folio i + 1), padded to an even count.
  const folios = new Map(Object.entries(anchors).map(([id, page]) => [id, folioText(page + 1, book.meta.folio)]));
  const front = await layOutFront(warm, book, cache, files, {...links, tocFolios: folios, pages});
  const padded = front.pageCount % 2 === 1;
  const bodyStart = front.pageCount + (padded ? 1 : 0);
  const wholeAnchors: Record<string, number> = {...front.anchors};
  for (const [id, page] of Object.entries(anchors)) wholeAnchors[id] = bodyStart + page;
  const layout = {
    pageCount: bodyStart + at,
    bodyStart,
    anchors: wholeAnchors,
    blanks: [...(padded ? [bodyStart - 1] : []), ...bodyBlanks.map((page) => bodyStart + page)],
  };

  await stopIfCancelled(signal);
  progress?.step?.('print');
  const {sides} = laid[0]!;
  if (body.some((piece) => piece.mirrored) && !sides.sameWidth) throw unevenSides();
  const sheets = sheetMarkup(sheetsOf(book, {...layout, bodyBlanks: layout.blanks.filter((page) => page >= bodyStart), padded}));
  files.set(
    'book.html',
    bookDocument({
      root: front.root,
      style: areaStyle({rectoLeft: sides.right, versoLeft: sides.left, width: sides.width}),
      before: [BOOK_FACES],
      preload: fontFiles,
      after: ['running-heads.css'],
      styles: front.styles,
      pieces: [{pages: front.pages, blankBefore: false, mirrored: false}, ...(padded ? [{pages: [], blankBefore: true, mirrored: false}] : []), ...body],
      sheets,
    }),
  );
  const printing = await warm();
  await printing.guard(printing.page.goto(`${printing.origin}/book.html`, {waitUntil: 'load'}));
  // The faces the pieces' layouts loaded, loaded again here (their files fetched already):
  // printed without them, a face still loading would print in a fallback font.
  const faces = new Set([...laid, ...(back ? [back] : []), front].flatMap((piece) => piece.faces));
  await printing.guard(inPage(printing.page, 'loadFaces', [...faces]));
  printing.kick();
  const pdf = await PDFDocument.load(await printing.guard(printPdf(printing.page)), FAST);
  await cache.prune();
  const lines = [...laid, ...(back ? [back] : [])].map((chunk) => chunk.lines).reduce(addLineStats, front.lines);
  return {pdf, layout, lines, refused: context.refused};
}

/** The back matter laid out (a piece of its own, `back.html`), its locators from the body's `pages`. */
async function layOutBack(
  context: () => Promise<PrintContext>,
  book: Book,
  cache: LayoutCache,
  files: Map<string, string | Buffer>,
  links: PrintOptions,
  pages: Map<string, number>,
): Promise<LaidChunk> {
  const stylesheets = links.stylesheets.map((name) => (name === 'fonts.css' ? BACK_FACES : name));
  files.set('back.html', printDocument(book, {...links, stylesheets, sections: 'back', pages}));
  return layOutCached(context, book, 'back.html', cache, files);
}

/**
 * The front matter laid out with the TOC's folios. Generated sections in the front matter
 * (numbered in roman with it) learn their folios from a first layout; writing them into the
 * TOC's empty cells changes no line, so the second layout keeps every page.
 */
async function layOutFront(
  context: () => Promise<PrintContext>,
  book: Book,
  cache: LayoutCache,
  files: Map<string, string | Buffer>,
  options: PrintOptions & {tocFolios: Map<string, string>},
): Promise<LaidChunk> {
  files.set('front.html', printDocument(book, {...options, sections: 'front'}));
  const first = await layOutCached(context, book, 'front.html', cache, files);
  if (book.apparatus.front.length === 0) return first;
  const folios = new Map(options.tocFolios);
  for (const name of book.apparatus.front) {
    const page = first.anchors[apparatusId(name)];
    if (page !== undefined) folios.set(apparatusId(name), romanFolio(page + 1));
  }
  files.set('front.html', printDocument(book, {...options, sections: 'front', tocFolios: folios}));
  return layOutCached(context, book, 'front.html', cache, files);
}

/**
 * What the pages may print besides their documents' text: the stylesheets' generated content
 * (note numbers, the emphasis dot), Latin letters and digits, folios in Chinese numerals.
 */
function generatedText(files: Map<string, string | Buffer>): string {
  const stylesheets = [...files].filter(([name]) => name.endsWith('.css') && name !== 'fonts.css').map(([, content]) => String(content));
  const ascii = Array.from({length: 95}, (_, i) => String.fromCharCode(32 + i)).join('');
  return [...stylesheets, ascii, '〇一二三四五六七八九十百千'].join('');
}

/**
 * Layouts at once unless told: one core fewer than the machine has. Each layout's renderer
 * competes with the browser's own process (which prints) and with huibian: on two cores, a
 * 493-page book took 49.5 s with one job and 53.6 s with two, and 1.0 against 1.4 GB (bench).
 */
const DEFAULT_JOBS = Math.max(1, os.availableParallelism() - 1);

/** A chunk landing on a verso is turned to it (its pages take the other side's margins): only possible with text areas of one width. */
function unevenSides(): EnvironmentError {
  return new EnvironmentError(
    '左右页的版心宽度不同（templates 中 @page :left 与 :right 的左右边距之和不等），排好的页无法移到另一面：请让左右页的内外边距互换，版心同宽',
  );
}

const BACK_FACES = 'fonts-back.css';
const BOOK_FACES = 'fonts-book.css';

const chunkName = (index: number) => `chunk-${index + 1}.html`;

/** The layout code an entry of the cache was made by (all the page's code, and the CSS the engine adds): a new huibian that lays out differently misses the old entries. */
function layoutCode(): string {
  return [pageScript(), PIECE_CSS, PAGED_FIXES].join('\n');
}

/**
 * Lay out every chunk, `jobs` at a time (a browser page each), taking what the cache holds;
 * the pages laid out so far are reported as one count.
 */
async function layOutChunks(
  context: PrintContext,
  book: Book,
  chunks: Chunk[],
  {jobs, cache, files, tabs}: {jobs: number; cache: LayoutCache; files: Map<string, string | Buffer>; tabs: Tabs},
): Promise<LaidChunk[]> {
  const laid: LaidChunk[] = new Array(chunks.length);
  const counts = new Array<number>(chunks.length).fill(0);
  const eta = new TimeLeft(chunks.map((chunk) => chunk.chars));
  const report = () => {
    const count = counts.reduce((a, b) => a + b, 0);
    context.laidOut(count, eta.estimate(counts));
  };
  let next = 0;
  const worker = async (job: number) => {
    while (next < chunks.length) {
      const index = next++;
      // The tab is opened only if the chunk is not in the cache.
      const tab = () =>
        tabs.get(job, (count) => {
          counts[index] = count;
          report();
        });
      const chunk = await layOutCached(tab, book, chunkName(index), cache, files);
      if (chunk.hit) eta.cached(index);
      else eta.done(index, chunk.pageCount);
      laid[index] = chunk;
      counts[index] = chunk.pageCount;
      report();
    }
  };
  await Promise.all(Array.from({length: Math.max(1, Math.min(jobs, chunks.length))}, (_, job) => worker(job)));
  context.laidOut(counts.reduce((a, b) => a + b, 0));
  return laid;
}

/**
 * Browser pages to lay out in, one per job, each in a context (and so a renderer) of its own.
 * Opened when first needed and kept: a page that has laid out one chunk has its fonts loaded
 * and Paged.js's code compiled for the next (the first layout in a renderer takes seconds longer).
 */
class Tabs {
  private readonly pages: Array<Promise<PrintContext['page']>> = [];
  private readonly listeners: Array<(count: number) => void> = [];

  constructor(private readonly context: PrintContext) {}

  /** Tab `job`, reporting the pages it lays out to `onPages`. */
  async get(job: number, onPages: (count: number) => void): Promise<PrintContext> {
    this.listeners[job] = onPages;
    this.pages[job] ??= this.context.openPage((count) => this.listeners[job]?.(count));
    return {...this.context, page: await this.pages[job]};
  }

  async close(): Promise<void> {
    for (const page of await Promise.allSettled(this.pages)) if (page.status === 'fulfilled') await page.value.browserContext().close();
  }
}

/** Lay out one document of the site with Paged.js, through the cache (`hit`: taken from it). */
async function layOutCached(
  context: () => Promise<PrintContext>,
  book: Book,
  name: string,
  cache: LayoutCache,
  files: Map<string, string | Buffer>,
): Promise<LaidChunk & {hit: boolean}> {
  const {laidOut, hit} = await cache.through(files.get(name) as string, async () => layOut(await context(), book, name));
  return {...laidOut, hit};
}

/** Lay one document out with Paged.js (the line pass before and after) and take its pages. */
async function layOut(context: PrintContext, book: Book, name: string): Promise<LaidChunk> {
  const {page, guard, kick, warnings} = context;
  const area = await openDocument(context, name);
  const breaks = await guard(
    inPage(page, 'setLines', {inline: area.width, vertical: false, bodyMargin: false, steps: 'breaks', chunkLines: PARAGRAPH_CHUNK_LINES}),
  );
  kick();
  const layout = await guard(inPage(page, 'paginate')).catch((cause: unknown) => {
    if (cause instanceof EnvironmentError) throw cause;
    // Paged.js stops on CSS it cannot parse: most often an edit to a template.
    throw new EnvironmentError(`分页失败：${(cause as Error).message.split('\n')[0]}（若改过 templates/ 中的 CSS，请检查最近的改动）`, {cause});
  });
  checkHan(book, layout, warnings);
  const halves = await guard(inPage(page, 'setLines', {inline: area.width, vertical: false, bodyMargin: false, steps: 'halve'}));
  const sides = await inPage(page, 'pageSides');
  const laidOut = await guard(inPage(page, 'laidOutPages'));
  kick();
  return {...laidOut, pageCount: layout.pageCount, anchors: layout.anchors, blanks: layout.blanks, lines: addLineStats(breaks, halves), sides};
}

/** Stop, naming the articles, if Paged.js lost or repeated any Han character. */
function checkHan(book: Book, layout: PagedLayout, warnings: string[]): void {
  if (layout.hanAfter === layout.hanBefore && layout.changed.length === 0) return;
  const what = layout.hanAfter < layout.hanBefore ? '丢失' : '重复';
  const where = describeLosses(
    book,
    layout.changed.map(({id, before, after}) => ({ids: [id], problem: `应为 ${before} 字，排出 ${after} 字`})),
  );
  throw new EnvironmentError(
    `分页后的汉字数与稿件不符（应为 ${layout.hanBefore} 字，排出 ${layout.hanAfter} 字${where ? `：${where}` : ''}）：排版时有内容${what}，未写出 PDF。` +
      `请检查这些稿件中过大的图片或表格，并报告此问题。${warnings.slice(0, 3).join('；')}`,
  );
}
