/**
 * Offprints (单篇抽印本, `--format offprint`): an article or a part cut from the finished book,
 * its pages exactly as they print there (running heads, folios, page labels), with the line
 * 摘自《书名》第 34–36 页 in the first page's margin (docs/offprints.md).
 */
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {PDFDocument} from 'pdf-lib';
import type {LoadedBook} from '../core/load-book.js';
import type {BuildContext, BuildOptions, BuildResult} from '../core/options.js';
import {articlePages, folioNumber, type PageRange, printBook} from '../core/print-book.js';
import {withBrowser} from '../core/with-browser.js';
import {replaceFolder, writeAtomic} from '../files/write-atomic.js';
import {cutPages} from '../impose/cut-pages.js';
import {type OffprintSelection, selectOffprint} from '../impose/offprint-selection.js';
import type {Article, Book, Part} from '../model/book.js';
import type {Layout} from '../render/pdf/engine.js';
import {buildDate} from '../render/shared/build-date.js';
import {describeDocument} from '../render/pdf/finish.js';
import {isTagged, markArtifacts} from '../render/pdf/tagged/artifacts.js';
import {type OutlineItem, writeOutline} from '../render/pdf/outline.js';
import {sourceLine} from '../render/pdf/source-line.js';
import {printSourceLines, stampSourceLine} from '../render/pdf/source-line-stamp.js';
import {FAST} from '../render/pdf/stitch.js';
import {compareHan, pdfPageTexts} from '../render/pdf/text-check.js';
import {labelsFor} from '../render/shared/labels.js';
import {partHeading} from '../render/shared/pages.js';
import {stopIfCancelled} from '../report/cancel.js';
import {EnvironmentError} from '../report/messages.js';

/** One PDF to write: what it holds and the book's pages it is cut from. */
interface Piece {
  /** The part, when the offprint opens with its part page. */
  part?: Part;
  articles: Article[];
  /** 0-based pages of the finished book. */
  range: PageRange;
  /** File name inside the `--each` folder. */
  name: string;
  /** 摘自《书名》第 34–36 页. */
  line: string;
}

/**
 * Cut what `--select` names from the book: one PDF for the selection, or with `--each` one
 * per article into the folder `options.out`. The book is printed as for `--format pdf` (its
 * laid-out chunks come from the cache), the source lines in a browser of their own.
 */
export async function buildOffprints({book, files}: LoadedBook, options: BuildOptions, context: BuildContext): Promise<BuildResult> {
  const choice = options.offprint!;
  // A selector that names nothing stops here, before anything is printed.
  const selection = selectOffprint(book, choice.select);
  // The book's browser is closed once the book is printed: this one starts meanwhile.
  return withBrowser(context.signal, async (browser) => {
    const printed = await printBook(book, options, context);
    const pieces = piecesOf(book, selection, printed.layout, choice.each);
    context.progress?.detail(`抽印 ${pieces.length} 份`);
    // The lines print in the browser while the book's text is read back.
    const [linesPdf, bookTexts] = await Promise.all([
      printSourceLines(
        book,
        pieces.map((piece) => ({line: piece.line, recto: piece.range.first % 2 === 0})),
        {signal: context.signal, browser},
      ),
      pdfPageTexts(printed.pdf),
    ]);
    const lines = await PDFDocument.load(linesPdf, FAST);
    const lineTexts = await pdfPageTexts(linesPdf);
    const source = await PDFDocument.load(printed.pdf, FAST);
    const now = buildDate();

    const make = async (piece: Piece, index: number): Promise<Uint8Array> => {
      await stopIfCancelled(context.signal);
      const doc = await cutPages(source, piece.range.first, piece.range.last);
      await stampSourceLine(doc, lines, index);
      // The source line is laid over the page: outside the structure, like the running heads.
      if (isTagged(doc)) markArtifacts(doc);
      describe(doc, book, piece, printed.layout, now);
      const pdf = await doc.save({useObjectStreams: true});
      await expectBookText(piece, pdf, bookTexts, lineTexts[index] ?? '');
      return pdf;
    };
    if (choice.each) {
      await replaceFolder(
        options.out,
        async (folder) => {
          await mkdir(folder, {recursive: true});
          for (const [i, piece] of pieces.entries()) await writeFile(path.join(folder, piece.name), await make(piece, i));
        },
        {signal: context.signal},
      );
    } else {
      await writeAtomic(options.out, await make(pieces[0]!, 0), {signal: context.signal});
    }
    const counts = pieces.map((piece) => piece.range.last - piece.range.first + 1);
    return {
      out: options.out,
      files,
      pageCount: counts.reduce((sum, n) => sum + n, 0),
      report: pieces.map((piece, i) => reportLine(book, piece, printed.layout, counts[i]!, choice.each)),
    };
  });
}

/** The PDFs to write: the selection as one, or with `each` one per article, named by its file. */
function piecesOf(book: Book, selection: OffprintSelection, layout: Layout, each: boolean): Piece[] {
  const pages = articlePages(book, layout);
  const rangeOf = (article: Article): PageRange => {
    const range = pages.get(article.id);
    if (!range) throw new EnvironmentError(`排好的书里找不到《${article.title}》（${article.file}）的页面，未写出抽印本。请报告此问题`);
    return range;
  };
  const piece = (articles: Article[], range: PageRange, name: string, part?: Part): Piece => ({
    articles,
    range,
    name,
    line: sourceLine(book.meta, folioNumber(layout, range.first), folioNumber(layout, range.last)),
    ...(part ? {part} : {}),
  });
  if (each) {
    const names = fileNamesOf(selection.articles);
    return selection.articles.map((article, i) => piece([article], rangeOf(article), names[i]!));
  }
  const {part, articles} = selection;
  if (!part) return [piece(articles, rangeOf(articles[0]!), '')];
  const first = layout.anchors[part.id];
  if (first === undefined) throw new EnvironmentError(`排好的书里找不到部分“${part.title}”的页面，未写出抽印本。请报告此问题`);
  return [piece(articles, {first, last: Math.max(...articles.map((a) => rangeOf(a).last))}, '', part)];
}

/**
 * `09-qingxi-daqiao.pdf` for `manuscripts/09-qingxi-daqiao.md`; two manuscripts of one name in
 * different folders are told apart by their path below `manuscripts/` (`2025-09-a.pdf`).
 */
function fileNamesOf(articles: Article[]): string[] {
  const posix = (file: string) => file.split(path.sep).join('/');
  const base = articles.map((a) => path.posix.basename(posix(a.file), '.md'));
  return articles.map((a, i) => {
    const twice = base.filter((name) => name === base[i]).length > 1;
    const stem = twice
      ? posix(a.file)
          .replace(/^manuscripts\//, '')
          .replace(/\.md$/i, '')
          .replace(/\//g, '-')
      : base[i]!;
    return `${stem}.pdf`;
  });
}

/**
 * The offprint's own information: title and author of the article (or the part), where it
 * comes from as subject and keyword, the book's language and reading direction, and bookmarks
 * for the part and articles it holds.
 */
function describe(doc: PDFDocument, book: Book, piece: Piece, layout: Layout, now: Date): void {
  const {meta} = book;
  const [article] = piece.articles;
  describeDocument(doc, meta, {
    title: piece.part?.title ?? article!.title,
    author: piece.part ? meta.author : (article!.author ?? meta.author),
    subject: piece.line,
    keywords: [piece.line.slice(0, piece.line.indexOf('》') + 1), ...new Set(piece.articles.flatMap((a) => a.tags))],
    producer: 'huibian (Chromium, pdf-lib)',
    now,
  });

  const at = (id: string) => (layout.anchors[id] ?? piece.range.first) - piece.range.first;
  const items: OutlineItem[] = piece.articles.map((a) => ({title: a.title, page: at(a.id), children: []}));
  writeOutline(doc, piece.part ? [{title: partHeading(piece.part, labelsFor(meta.language)), page: 0, children: items}] : items);
}

/**
 * Each page of the offprint must draw the text of its page in the book, and the first page
 * the source line besides (laid over it last): a cut that lost or moved anything, or a line
 * that did not print, stops the build before anything is written.
 */
async function expectBookText(piece: Piece, pdf: Uint8Array, bookTexts: string[], lineText: string): Promise<void> {
  const squash = (text: string) => text.replace(/\s+/g, '');
  const texts = await pdfPageTexts(pdf);
  const {first, last} = piece.range;
  const lost = compareHan(piece.line, lineText);
  let problem = lost ? `来源一行${lost}` : undefined;
  if (!problem && texts.length !== last - first + 1) problem = `有 ${texts.length} 页，应为 ${last - first + 1} 页`;
  const page = texts.findIndex((text, i) => squash(text) !== squash(bookTexts[first + i]! + (i === 0 ? lineText : '')));
  if (!problem && page >= 0) problem = `第 ${page + 1} 页的文字与书的第 ${first + page + 1} 页（PDF 页码）不同`;
  if (problem) throw new EnvironmentError(`抽印本“${piece.part?.title ?? piece.articles[0]!.title}”与书的 PDF 不符：${problem}，未写出文件。请报告此问题`);
}

/** `抽印：《青溪大桥建成通车》第 34–36 页，3 页`, with `--each` the file it went to. */
function reportLine(book: Book, piece: Piece, layout: Layout, count: number, each: boolean): string {
  const what = piece.part ? `部分“${piece.part.title}”` : `《${piece.articles[0]!.title}》`;
  const pages = labelsFor(book.meta.language).pageSpan(folioNumber(layout, piece.range.first), folioNumber(layout, piece.range.last), book.meta.folio);
  return `抽印：${what}${pages}，${count} 页${each ? `（${piece.name}）` : ''}`;
}
