import {PDFDocument} from 'pdf-lib';
import {readTemplate} from '../../../files/templates.js';
import type {Book} from '../../../model/book.js';
import {stopIfCancelled} from '../../../report/cancel.js';
import {EnvironmentError} from '../../../report/messages.js';
import {BODY_FAMILY, coveredBy, fontSheet, unicodeRanges} from '../../shared/fonts.js';
import {scriptOf} from '../../../typography/script.js';
import {type PrintOptions, printDocument} from '../../shared/print-document.js';
import {BASE_STYLESHEETS, documentLinks, siteFiles} from '../../shared/site.js';
import type {PdfEngine, RenderedPdf, RenderOptions} from '../engine.js';
import {apparatusId} from '../../shared/apparatus.js';
import {folioText, romanFolio} from '../../shared/folios.js';
import {blankSections, blanksFor, FAST, rectoStarts} from '../stitch.js';
import {addLineStats} from '../line-stats.js';
import {inPage} from '../page-code.js';
import type {LineStats} from '../page/lines/stats.js';
import type {NotePlan} from '../page/notes/place-notes.js';
import {loadDocument, openDocument, type PrintContext, printPdf, withPrintPage} from '../print-page.js';
import {compareHan, describeLosses, type PrintedSection, pdfPageTexts, sectionLosses} from '../text-check.js';
import {destinationPages} from '../named-destinations.js';
import {drawnTexts} from '../drawn-text.js';
import {sheetMarkup, sheetsOf} from '../running-heads.js';
import {SHEET_ZOOM, verticalBookDocument} from './book-document.js';
import {laySheets} from './sheet-pages.js';
import {stitchedBook} from './stitched-book.js';
import {headingPages, readOutline} from './outline-pages.js';
import {notesOffTheirPage} from './page-notes.js';

/** Vertical books, printed by Chromium's own pagination: notes at the end of each article in the document, moved onto their pages here. */
export const nativeEngine: PdfEngine = {
  document: {stylesheets: [...BASE_STYLESHEETS, 'pages-vertical.css'], scripts: [], notes: 'end', spacing: 'css', tagged: true},
  producer: 'huibian (Chromium, pdf-lib)',
  render: renderNativePdf,
};

/**
 * Print a vertical book with Chromium's own pagination, which keeps every character of
 * vertical-rl text (Paged.js loses 16–23 % of it), in pieces first to learn its pages:
 *
 * 1. the body (front articles and parts) is printed alone, so its pages count from 1, with
 *    Chromium's bookmarks telling on which page each part and article begins;
 * 2. blank pages go where a part or article must begin on a recto (Chromium treats
 *    `break-before: right` as a plain page break);
 * 3. the back matter is printed with the body's pages, the front matter with the TOC's folios
 *    now known, padded to an even count;
 *
 * then the pieces as laid out, blank pages and one sheet per page holding its running head and
 * folio (Chromium has no `string-set` and numbers pages physically) are printed once as the
 * book, and the sheets laid over the pages: one structure tree, each font once.
 */
async function renderNativePdf(book: Book, options: RenderOptions = {}): Promise<RenderedPdf> {
  const site = await siteFiles(book, nativeEngine.document);
  const links = await documentLinks(book, nativeEngine.document);
  site.files.set('body.html', printDocument(book, {...links, sections: 'body'}));
  site.files.set('running-heads.css', await readTemplate(book.dir, 'running-heads.css'));

  return withPrintPage(site, options, async (context) => {
    options.progress?.step?.('paginate');
    const drawable = coveredBy(unicodeRanges((await fontSheet(scriptOf(book.meta.language))).css, BODY_FAMILY));
    let part = await printPart(context, book, 'body.html', bodyIds(book), {setLines: true, drawable, pageNotes: true});
    const notes = part.notes;
    // Notes that did not all print beside their calls go back to the articles' ends.
    if (notes?.problem) part = await printPart(context, book, 'body.html', bodyIds(book), {setLines: true, drawable});
    const {pdf: body, starts: bodyStarts, lines} = part;
    options.progress?.page?.(body.getPageCount());
    const rectos = rectoStarts(book);
    const bodyBlanks = blanksFor(rectos.map((id) => bodyStarts.get(id)!));
    const bodyMarkup = await inPage(context.page, 'laidOutBody', blankSections(rectos, bodyStarts, bodyBlanks), false);
    const bodyPage = (original: number) => original + bodyBlanks.filter((at) => at <= original).length;
    // Where the index marks are printed: Chromium's named destinations (piece-links.ts offers each one a link).
    const marks = [...destinationPages(body)].filter(([name]) => name.startsWith('ix-'));
    const pages = new Map([...bodyStarts, ...marks.map(([name, {page}]): [string, number] => [name, page])].map(([id, page]) => [id, bodyPage(page) + 1]));

    // The back matter, on the recto after the body, its sections each on a recto.
    const bodyLength = body.getPageCount() + bodyBlanks.length;
    const back = book.apparatus.back.length > 0 ? await printBack(context, book, site.files, {...links, pages}, drawable) : undefined;
    const backBlanks = back ? blanksFor(back.ids.map((id) => bodyLength + back.starts.get(id)!)).map((at) => at - bodyLength) : [];
    const backMarkup = back ? await inPage(context.page, 'laidOutBody', blankSections(back.ids, back.starts, backBlanks), false) : undefined;
    const backPage = (original: number) => bodyLength + original + backBlanks.filter((at) => at <= original).length;
    const backPages = new Map(back?.ids.map((id) => [id, backPage(back.starts.get(id)!)]));

    const tocFolios = new Map(
      [...[...bodyStarts].map(([id, page]): [string, number] => [id, bodyPage(page)]), ...backPages].map(([id, page]) => [
        id,
        folioText(page + 1, book.meta.folio),
      ]),
    );
    const front = await printFront(context, book, site.files, {...links, tocFolios, pages}, drawable);
    const frontLength = front.pdf.getPageCount() + front.blanks.length;
    const padded = frontLength % 2 === 1;
    const frontMarkup = await inPage(context.page, 'laidOutBody', front.blankBefore, padded);

    const bodyStart = frontLength + (padded ? 1 : 0);
    const anchors: Record<string, number> = {};
    for (const [id, page] of front.starts) anchors[id] = front.page(page);
    for (const [id, page] of bodyStarts) anchors[id] = bodyStart + bodyPage(page);
    for (const [id, page] of backPages) anchors[id] = bodyStart + page;
    const bodyBlankPages = [...bodyBlanks.map((at, i) => bodyStart + at + i), ...backBlanks.map((at, i) => bodyStart + bodyLength + at + i)];
    const layout = {pageCount: bodyStart + bodyLength + (back ? back.pdf.getPageCount() + backBlanks.length : 0), bodyStart, anchors};

    options.progress?.step?.('print');
    const sheets = sheetMarkup(sheetsOf(book, {...layout, bodyBlanks: bodyBlankPages, padded}));
    site.files.set(
      'book.html',
      verticalBookDocument({
        title: book.meta.title,
        stylesheets: links.stylesheets,
        pieces: [frontMarkup, bodyMarkup, ...(backMarkup ? [backMarkup] : [])],
        sheets,
      }),
    );
    const faces = [...new Set([part, ...(back ? [back] : []), front].flatMap((piece) => piece.faces))];
    const once = await printBook(context, layout, sheets.length, drawable, faces, [part.check, ...(back ? [back.check] : []), front.check]);
    await stopIfCancelled(options.signal);
    const pdf =
      once.pdf ??
      (await stitchedBook(
        context,
        book,
        site.files,
        [
          {pdf: front.pdf, blanks: front.blanks, placed: front.page},
          {pdf: body, blanks: bodyBlanks, placed: (index) => bodyStart + bodyPage(index)},
          ...(back ? [{pdf: back.pdf, blanks: backBlanks, placed: (index: number) => bodyStart + backPage(index)}] : []),
        ],
        {...layout, bodyBlanks: bodyBlankPages, padded},
      ));

    return {
      pdf,
      untagged: once.differs,
      layout: {...layout, blanks: [...(padded ? [bodyStart - 1] : []), ...bodyBlankPages]},
      lines: [front.lines, ...(back ? [back.lines] : [])].reduce(addLineStats, lines!),
      notes,
      refused: context.refused,
    };
  });
}

/**
 * Print the book's one document (book.html) and lay its sheets over its pages. Put together,
 * its pieces must print every character and open every section on its page; if not, the
 * pieces' own prints are checked (`pieces`): text lost there stops the build, saying what was
 * lost where; otherwise the book is put together from them (`differs` says why).
 */
async function printBook(
  context: PrintContext,
  layout: {pageCount: number; anchors: Record<string, number>},
  sheets: number,
  drawable: (char: string) => boolean,
  faces: string[],
  pieces: Array<PrintedPart['check']>,
): Promise<{pdf?: PDFDocument; differs?: string}> {
  const {page, guard, kick} = context;
  await loadDocument(context, 'book.html');
  // The faces the pieces' layouts loaded (code, Latin …), loaded here before the print.
  await inPage(page, 'loadFaces', faces);
  await inPage(page, 'liftSheets');
  const headings = await inPage(page, 'outlineHeadings');
  kick();
  const bytes = await guard(printPdf(page, {outline: true}));
  kick();
  const pdf = await PDFDocument.load(bytes, FAST);
  // The book's pages against the book's text: the sheets' pages are the running heads. Read
  // from the content streams; text that seems lost is read again by pdf.js before it counts.
  const text = await inPage(page, 'bodyText', '.book-sheets');
  const problem =
    compareHan(text, drawnTexts(pdf, layout.pageCount).join(''), drawable) &&
    compareHan(text, (await pdfPageTexts(bytes, layout.pageCount)).join(''), drawable);
  const starts = headingPages(readOutline(pdf), headings);
  const moved = Object.entries(layout.anchors).find(([id, at]) => starts?.get(id) !== at);
  if (problem || moved || pdf.getPageCount() !== layout.pageCount + sheets) {
    // Text lost in a piece already: said as precisely as the piece can.
    for (const check of pieces) {
      const message = await check();
      if (message) throw new EnvironmentError(message);
    }
    return {differs: problem ?? (moved ? `“${moved[0]}”不在第 ${moved[1] + 1} 页` : `${pdf.getPageCount() - sheets} 页，应为 ${layout.pageCount} 页`)};
  }
  await laySheets(pdf, sheets, SHEET_ZOOM);
  return {pdf};
}

/** A document of the site printed alone: where its sections open, and how to check its text (a message if some is lost). */
interface PrintedPart {
  pdf: PDFDocument;
  starts: Map<string, number>;
  lines?: LineStats;
  notes?: NotePlan;
  /** The font faces its layout loaded (page/fonts.ts's keys). */
  faces: string[];
  check: () => Promise<string | undefined>;
}

/** A piece of the book printed alone, its blank pages to come. */
interface PrintedPiece extends PrintedPart {
  ids: string[];
  lines: LineStats;
}

/** The back matter (chronology, index) as a document of its own, with the body's page numbers. */
async function printBack(
  context: PrintContext,
  book: Book,
  files: Map<string, string | Buffer>,
  options: PrintOptions,
  drawable: (char: string) => boolean,
): Promise<PrintedPiece> {
  files.set('back.html', printDocument(book, {...options, sections: 'back'}));
  const ids = book.apparatus.back.map(apparatusId);
  const printed = await printPart(context, book, 'back.html', ids, {setLines: true, drawable});
  return {...printed, ids, lines: printed.lines!};
}

/**
 * The front matter with the TOC's folios, its title page, contents and generated sections each
 * on a recto (`page` maps its pages to the book's). Generated sections learn their roman folios
 * from a first print; filling the TOC's empty cells moves no line.
 */
async function printFront(
  context: PrintContext,
  book: Book,
  files: Map<string, string | Buffer>,
  options: PrintOptions & {tocFolios: Map<string, string>},
  drawable: (char: string) => boolean,
): Promise<PrintedPiece & {blanks: number[]; blankBefore: string[]; page(original: number): number}> {
  const ids = ['cover', 'title-page', 'toc', ...book.apparatus.front.map(apparatusId)];
  const print = async (tocFolios: Map<string, string>) => {
    files.set('front.html', printDocument(book, {...options, sections: 'front', tocFolios}));
    const printed = await printPart(context, book, 'front.html', ids, {setLines: true, drawable});
    // Each section but the cover opens on a recto.
    const rectos = ids.slice(1);
    const blanks = blanksFor(rectos.map((id) => printed.starts.get(id)!));
    const page = (original: number) => original + blanks.filter((at) => at <= original).length;
    return {...printed, ids, lines: printed.lines!, blanks, blankBefore: blankSections(rectos, printed.starts, blanks), page};
  };
  const first = await print(options.tocFolios);
  if (book.apparatus.front.length === 0) return first;
  const folios = new Map(options.tocFolios);
  for (const id of book.apparatus.front.map(apparatusId)) folios.set(id, romanFolio(first.page(first.starts.get(id)!) + 1));
  return print(folios);
}

/**
 * Load one document of the site, its fonts first, and print it with Chromium's bookmarks.
 * Returns the PDF, the 0-based page on which each section of `ids` opens, and the check that
 * the PDF draws every Han character of the document once (Chromium's vertical print silently
 * drops what an overflowing line pushes off the page), which names what was lost where; with
 * `setLines`, the line pass runs first (prose documents) and its statistics come back too;
 * with `pageNotes`, the notes are set on the pages of their calls, and the print is checked
 * for it.
 */
async function printPart(
  context: PrintContext,
  book: Book,
  name: string,
  ids: string[],
  {setLines = false, drawable, pageNotes = false}: {setLines?: boolean; drawable?: (char: string) => boolean; pageNotes?: boolean} = {},
): Promise<PrintedPart> {
  const {page, guard, kick} = context;
  const area = await openDocument(context, name);
  const tables = await inPage(page, 'splitTallTables', area.height);
  const headings = await inPage(page, 'outlineHeadings');
  kick();
  // Chromium's print keeps the body's default margin inside the page's text area.
  const lines = setLines ? await guard(inPage(page, 'setLines', {inline: area.height, vertical: true, bodyMargin: true})) : undefined;
  kick();
  // Chromium prints a page a little wider than the stylesheet's (A5: 435.28 px of text, not
  // 434.65): planning with the narrower width and a margin keeps every planned page whole.
  const notes = pageNotes ? await guard(inPage(page, 'placeNotes', {room: area.width - 2, inline: area.height})) : undefined;
  kick();
  // Printed for its pages, not its structure (the book's one print is tagged): untagged prints faster.
  const pdf = await guard(printPdf(page, {outline: true, tagged: false}));
  kick();
  const faces = await inPage(page, 'loadedFaces');
  const doc = await PDFDocument.load(pdf);
  const outline = readOutline(doc);
  const starts = headingPages(outline, headings);
  // The text the print must hold, taken now, read back only if the book's print lost some.
  const text = await inPage(page, 'bodyText');
  const sections = starts ? await printedSections(page, ids, starts, book) : [];
  const check = async () => {
    const pages = await pdfPageTexts(pdf);
    const problem = compareHan(text, pages.join(''), drawable);
    if (!problem) return undefined;
    const hint = tables.tooTall > 0 ? `有 ${tables.tooTall} 个表格行比一页还高，请拆短` : '请检查过宽的图片、表格或很长的网址和英文词';
    const where = describeLosses(book, sectionLosses(sections, pages, drawable));
    return `排出的 PDF 与稿件不符：${where || problem}，未写出 PDF。${hint}，并报告此问题`;
  };
  const missing = ids.find((id) => !starts?.has(id));
  if (missing !== undefined) {
    throw new EnvironmentError(
      `无法确定各篇所在的页：Chromium 写出 ${outline.length} 个书签，文档有 ${headings.length} 个标题（缺“${missing}”），未写出 PDF。请报告此问题`,
    );
  }
  if (notes && notes.notes > 0 && !notes.problem) {
    const off = notesOffTheirPage(doc, notes.ids);
    if (doc.getPageCount() !== notes.pages) notes.problem = `分成 ${notes.pages} 页，印出 ${doc.getPageCount()} 页`;
    else if (off.length > 0) notes.problem = `${off.length} 条注释没有印在其所在页`;
  }
  return {pdf: doc, starts: starts!, lines, notes, faces, check};
}

/**
 * The text of each section in `ids` as the document holds it, from its start to the next
 * one's (notes moved onto a page go with the text around them), and where it began.
 */
async function printedSections(page: PrintContext['page'], ids: string[], starts: Map<string, number>, book: Book): Promise<PrintedSection[]> {
  const texts = await inPage(page, 'sectionTexts', ids);
  // Sections known only by their headings (the cover, the TOC) cannot be traced.
  if (texts.includes(null)) return [];
  const parts = new Set(book.parts.map((part) => part.id));
  // Only `continue` lets an article begin part-way down a page; a part page stands alone.
  const sharesPage = (id: string, i: number) => book.meta.articleStart === 'continue' && !parts.has(id) && !parts.has(ids[i - 1] ?? '');
  return ids.map((id, i) => ({id, page: starts.get(id) ?? 0, text: texts[i] ?? '', sharesPage: i > 0 && sharesPage(id, i)}));
}

/** The sections of the body whose pages the TOC and running heads need: parts and articles. */
function bodyIds(book: Book): string[] {
  return [...book.front.map((a) => a.id), ...book.parts.flatMap((part) => [part.id, ...part.articles.map((a) => a.id)])];
}
