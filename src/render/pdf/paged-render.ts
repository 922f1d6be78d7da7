import type {Book} from '../../model/book.js';
import {EnvironmentError} from '../../report/messages.js';
import {FONT_WEIGHTS} from '../fonts.js';
import {printSite} from '../html/site.js';
import {fillTocInPage, fitWideTablesInPage, loadFontsInPage, paginateInPage, textAreaInPage, type Layout} from './in-page.js';
import {setLinesInPage, type LineStats} from './line-pass.js';
import type {NotePlan} from './page-notes.js';
import {folioText} from './running-heads.js';
import {tooWideError, withPrintPage, type RenderOptions} from './print-page.js';

/** The PDF as Chromium wrote it, and where things landed. */
export interface RenderedPdf {
  pdf: Uint8Array;
  layout: Layout;
  /** What the line pass corrected, and what it could not. */
  lines: LineStats;
  /** Vertical books: the notes set on the pages of their calls, or why they stayed at the articles' ends. */
  notes?: NotePlan;
}

/**
 * Lay the whole book out with Paged.js in headless Chromium and print it (horizontal books:
 * running heads from string-set, TOC numbers from target-counter, footnotes at the page foot).
 * Fails rather than write a PDF if Paged.js lost or repeated any Han character.
 */
export async function renderPagedPdf(book: Book, options: RenderOptions = {}): Promise<RenderedPdf> {
  const site = await printSite(book, 'paged');
  return withPrintPage(site, options, async ({page, origin, guard, kick, warnings}) => {
    await page.goto(`${origin}/index.html`, {waitUntil: 'load'});
    options.progress?.step?.('paginate');
    await guard(page.evaluate(loadFontsInPage, FONT_WEIGHTS));
    const area = await page.evaluate(textAreaInPage);
    const tables = await page.evaluate(fitWideTablesInPage, area.width);
    if (tables.tooWide > 0) throw tooWideError(tables.tooWide);
    const lines = await guard(page.evaluate(setLinesInPage, {inline: area.width, vertical: false, bodyMargin: false}));
    kick();
    const layout = await guard(page.evaluate(paginateInPage)).catch((cause: unknown) => {
      if (cause instanceof EnvironmentError || options.signal?.aborted) throw cause;
      // Paged.js stops on CSS it cannot parse: most often an edit to a template.
      throw new EnvironmentError(`分页失败：${(cause as Error).message.split('\n')[0]}（若改过 templates/ 中的 CSS，请检查最近的改动）`, {cause});
    });
    if (layout.hanAfter !== layout.hanBefore) {
      const what = layout.hanAfter < layout.hanBefore ? '丢失' : '重复';
      throw new EnvironmentError(
        `分页后的汉字数与稿件不符（应为 ${layout.hanBefore} 字，排出 ${layout.hanAfter} 字）：排版时有内容${what}，未写出 PDF。` +
          `请检查过大的图片或表格，并报告此问题。${warnings.slice(0, 3).join('；')}`,
      );
    }
    // The TOC's numbers, from where the anchors landed: one digit string each, so the TOC's
    // own layout (laid out with empty cells of a fixed width) does not move.
    const folios = Object.entries(layout.anchors)
      .filter(([id]) => id !== 'toc')
      .map(([id, index]): [string, string] => [id, folioText(index - layout.bodyStart + 1, book.meta.folio)]);
    await page.evaluate(fillTocInPage, folios);

    options.progress?.step?.('print');
    kick();
    const pdf = await guard(page.pdf({preferCSSPageSize: true, printBackground: true, tagged: true, outline: false, timeout: 0}));
    return {pdf, layout, lines};
  });
}
