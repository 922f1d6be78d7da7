import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {packageDir} from '../../../files/package-dir.js';
import type {Book} from '../../../model/book.js';
import {EnvironmentError} from '../../../report/messages.js';
import {BASE_STYLESHEETS, printSite} from '../../shared/site.js';
import type {Layout, PdfEngine, RenderedPdf, RenderOptions} from '../engine.js';
import {folioText} from '../folios.js';
import {describeLosses} from '../text-check.js';
import {addLineStats, setLinesInPage} from '../line-pass.js';
import {openDocument, printPdf, withPrintPage} from '../print-page.js';
import {PAGED_FIXES} from './paged-fixes.js';
import {fillTocInPage, paginateInPage} from './paginate.js';

/**
 * Horizontal books: the whole book laid out by Paged.js in headless Chromium (running heads
 * from string-set, TOC numbers from where the anchors landed, footnotes at the page foot).
 */
export const pagedEngine: PdfEngine = {
  document: {
    stylesheets: [...BASE_STYLESHEETS, 'pages-horizontal.css', 'paged-fixes.css'],
    scripts: ['paged.js'],
    notes: 'inline',
    spacing: 'css',
    files: async () =>
      new Map<string, string | Buffer>([
        ['paged.js', await readFile(path.join(packageDir('pagedjs'), 'dist', 'paged.js'))],
        ['paged-fixes.css', PAGED_FIXES],
      ]),
  },
  render: renderPagedPdf,
};

/**
 * Paragraphs are handed to Paged.js in blocks of this many lines (cut at line starts, so they
 * print the same): it duplicates or drops text in a paragraph that runs over three pages.
 */
export const PARAGRAPH_CHUNK_LINES = 12;

/** The TOC's folio for each anchor, from the page where it landed (the TOC's own anchor left out). */
export function tocFolios(layout: Layout, folio: Book['meta']['folio']): Array<[string, string]> {
  return Object.entries(layout.anchors)
    .filter(([id]) => id !== 'toc')
    .map(([id, index]): [string, string] => [id, folioText(index - layout.bodyStart + 1, folio)]);
}

/** Lay the book out with Paged.js and print it; fails rather than write a PDF if Paged.js lost or repeated any Han character. */
async function renderPagedPdf(book: Book, options: RenderOptions = {}): Promise<RenderedPdf> {
  const site = await printSite(book, pagedEngine.document);
  return withPrintPage(site, options, async (context) => {
    const {page, guard, kick, warnings, refused} = context;
    options.progress?.step?.('paginate');
    const area = await openDocument(context, 'index.html');
    const breaks = await guard(
      page.evaluate(setLinesInPage, {inline: area.width, vertical: false, bodyMargin: false, steps: 'breaks' as const, chunkLines: PARAGRAPH_CHUNK_LINES}),
    );
    kick();
    const layout = await guard(page.evaluate(paginateInPage)).catch((cause: unknown) => {
      if (cause instanceof EnvironmentError || options.signal?.aborted) throw cause;
      // Paged.js stops on CSS it cannot parse: most often an edit to a template.
      throw new EnvironmentError(`分页失败：${(cause as Error).message.split('\n')[0]}（若改过 templates/ 中的 CSS，请检查最近的改动）`, {cause});
    });
    if (layout.hanAfter !== layout.hanBefore || layout.changed.length > 0) {
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
    const halves = await guard(page.evaluate(setLinesInPage, {inline: area.width, vertical: false, bodyMargin: false, steps: 'halve' as const}));
    const lines = addLineStats(breaks, halves);
    kick();
    // The TOC's numbers, from where the anchors landed: one digit string each, so the TOC's
    // own layout (laid out with empty cells of a fixed width) does not move.
    await page.evaluate(fillTocInPage, tocFolios(layout, book.meta.folio));

    options.progress?.step?.('print');
    kick();
    const pdf = await guard(printPdf(page));
    return {pdf, layout, lines, refused};
  });
}
