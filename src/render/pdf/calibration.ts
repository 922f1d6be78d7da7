import {h} from 'hastscript';
import rehypeStringify from 'rehype-stringify';
import {unified} from 'unified';
import type {Book, BookMeta} from '../../model/book.js';
import {siteFiles} from '../shared/site.js';
import type {RenderOptions} from './engine.js';
import {loadDocument, printPdf, withPrintPage} from './print-page.js';

/**
 * Four pages to print as one booklet sheet before printing forty: each shows its number large,
 * an arrow to the top edge, and what must be behind it. Folded, the sheet must read 1, 2, 3, 4,
 * all upright; otherwise the duplex setting (short or long edge) is wrong.
 */
function calibrationDocument(meta: BookMeta, stylesheets: string[]): string {
  const pages = [
    ['1', '封面位置', '背面应是 2'],
    ['2', '封二位置', '背面应是 1'],
    ['3', '封三位置', '背面应是 4'],
    ['4', '封底位置', '背面应是 3'],
  ];
  const tree = h(null, [
    {type: 'doctype'},
    h('html', {lang: meta.language}, [
      h('head', [
        h('meta', {charSet: 'utf-8'}),
        ...stylesheets.map((href) => h('link', {rel: 'stylesheet', href})),
        h(
          'style',
          `@page { margin: 0 } body { margin: 0; font-family: var(--font-hei) }
.calibration { width: var(--page-width); height: var(--page-height); break-after: page; display: flex; flex-direction: column; align-items: center; justify-content: center; border: 0.5mm dashed #000; box-sizing: border-box; }
.arrow { font-size: 28pt } .number { font-size: 120pt; font-weight: 700; line-height: 1 } .note { font-size: 14pt }`,
        ),
      ]),
      h(
        'body',
        pages.map(([number, place, behind]) =>
          h('section.calibration', [h('p.arrow', '↑ 上边'), h('p.number', number), h('p.note', place), h('p.note', behind)]),
        ),
      ),
    ]),
  ]);
  return unified().use(rehypeStringify).stringify(tree);
}

/** The calibration pages as a PDF of the book's page size, in the book's fonts. */
export async function calibrationPdf(book: Book, options: RenderOptions = {}): Promise<Uint8Array> {
  // The fonts and the page size are all it needs.
  const site = await siteFiles(book, {stylesheets: ['fonts.css', 'book.css'], scripts: [], notes: 'end', spacing: 'css'});
  site.files.set('calibration.html', calibrationDocument(book.meta, ['fonts.css', 'book.css']));
  return withPrintPage(site, options, async (context) => {
    await loadDocument(context, 'calibration.html');
    return context.guard(printPdf(context.page, {tagged: false}));
  });
}
