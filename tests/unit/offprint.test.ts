import {PDFArray, PDFDict, PDFDocument, PDFName, PDFPageLeaf, PDFString} from 'pdf-lib';
import {beforeAll, describe, expect, it} from 'vitest';
import {compileBook} from '../../src/book/compile.js';
import {loadConfig} from '../../src/config/load.js';
import {cutPages} from '../../src/impose/cut-pages.js';
import {selectOffprint} from '../../src/impose/offprint-selection.js';
import type {Book} from '../../src/model/book.js';
import {printedLine, sourceLine} from '../../src/render/pdf/source-line.js';
import {labelsFor} from '../../src/render/shared/labels.js';

const {pageSpan} = labelsFor('zh-Hans');
import {sourceLinesDocument} from '../../src/render/pdf/source-line-stamp.js';
import {UsageError} from '../../src/report/messages.js';
import {makeBook, manuscript, smallBook} from '../helpers/book.js';

describe('selecting what an offprint cuts', () => {
  let book: Book;
  beforeAll(async () => {
    const dir = await makeBook(
      smallBook({
        'manuscripts/03-c.md': manuscript({title: '“一户一码”让服务更精准', date: '2025-04-01', part: '村务'}, '正文。'),
        'manuscripts/04-d.md': manuscript({title: '路灯亮了', date: '2025-06-01', part: '村务'}, '正文。'),
        'manuscripts/05-e.md': manuscript({title: '生活垃圾分类见成效', date: '2025-07-01', part: '村务'}, '正文。'),
        'manuscripts/2024/02-b.md': manuscript({title: '去年的集市', date: '2024-03-09', part: '生活'}, '正文。'),
      }),
    );
    ({book} = await compileBook(await loadConfig(dir)));
  });
  const titles = (selector: string) => selectOffprint(book, selector).articles.map((a) => a.title);
  const failure = (selector: string) => {
    try {
      selectOffprint(book, selector);
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      return (error as Error).message;
    }
    throw new Error(`${selector} named something`);
  };

  it('should take a manuscript by file name, with or without .md and manuscripts/', () => {
    for (const selector of ['01-a', '01-a.md', 'manuscripts/01-a.md', './manuscripts/01-a.md', 'manuscripts\\01-a.md']) {
      expect(titles(selector), selector).toEqual(['村里修了一条路']);
    }
    expect(titles('2024/02-b')).toEqual(['去年的集市']);
  });

  it('should take an article by its title, exactly or as typed with other quotes and spaces', () => {
    expect(titles('春天的集市')).toEqual(['春天的集市']);
    expect(titles('"一户一码" 让服务更精准')).toEqual(['“一户一码”让服务更精准']);
  });

  it('should take a part by its title, with its part page and its articles', () => {
    const selection = selectOffprint(book, '生活');
    expect(selection.part?.title).toBe('生活');
    expect(selection.articles.map((a) => a.title)).toEqual(['去年的集市', '春天的集市']);
  });

  it('should take a piece of one title when no name matches whole', () => {
    expect(titles('垃圾分类')).toEqual(['生活垃圾分类见成效']);
    expect(titles('一户一码')).toEqual(['“一户一码”让服务更精准']);
  });

  it('should list the candidates when a piece names several, and what there is when it names nothing', () => {
    const message = failure('集市');
    expect(message).toContain('对上了 2 个');
    expect(message).toContain('《春天的集市》（manuscripts/02-b.md）');
    expect(message).toContain('《去年的集市》（manuscripts/2024/02-b.md）');
    // Two files of one name in different folders: the name alone is not enough.
    expect(failure('02-b')).toContain('对上了 2 个');
    const none = failure('不存在的文章');
    expect(none).toContain('--select `不存在的文章` 没有对上任何稿件');
    expect(none).toMatch(/稿件文件名（00-preface、[^）]+ 等）/);
    expect(none).toContain('部分名（村务、生活）');
  });
});

describe('the source line', () => {
  it('should name the book and the pages as the folios print them', () => {
    expect(pageSpan(12, 15, 'arabic')).toBe('第 12–15 页');
    expect(pageSpan(12, 12, 'arabic')).toBe('第 12 页');
    expect(pageSpan(12, 15, 'chinese')).toBe('第十二至十五页');
    expect(pageSpan(12, 12, 'chinese')).toBe('第十二页');
    expect(pageSpan(100, 105, 'chinese')).toBe('第一百至一百零五页');
    expect(sourceLine({title: '青溪镇二〇二五年工作汇编', folio: 'arabic', language: 'zh-Hans'}, 12, 15)).toBe('摘自《青溪镇二〇二五年工作汇编》第 12–15 页');
    expect(sourceLine({title: '年鉴', folio: 'chinese', language: 'zh-Hans'}, 3, 3)).toBe('摘自《年鉴》第三页');
  });

  it('should use the words of a Traditional book and leave its title as it is', () => {
    expect(sourceLine({title: '青溪鎮年鑑', folio: 'arabic', language: 'zh-Hant'}, 12, 15)).toBe('摘自《青溪鎮年鑑》第 12–15 頁');
  });

  it('should be set without typed spaces between Han and digits (the print spaces them)', () => {
    expect(printedLine('摘自《书名》第 12–15 页')).toBe('摘自《书名》第12–15页');
    expect(printedLine('摘自《Annual Report 2025》第 3 页')).toBe('摘自《Annual Report 2025》第3页');
  });

  it('should be set upright in one em for short numbers in a vertical book', () => {
    const meta = {...baseMeta, writingMode: 'vertical' as const};
    const html = sourceLinesDocument(meta, [{line: '摘自《书》第 12–15 页', recto: false}], ['offprint.css']);
    expect(html).toContain('<html lang="zh-Hans" class="mode-vertical">');
    expect(html).toContain('<div class="sheet verso"><p class="source-line">摘自《书》第<span class="tcy">12</span>–<span class="tcy">15</span>页</p></div>');
  });
});

const baseMeta = {
  title: '书',
  runningHead: '书',
  language: 'zh-Hans',
  writingMode: 'horizontal' as const,
  pageSize: {name: 'A5', width: 148, height: 210},
  articleStart: 'page' as const,
  folio: 'arabic' as const,
};

describe('cutting pages from a finished PDF', () => {
  /** Six pages: two in roman numerals, then 1–4; page 3 links to page 4 (twice), to page 0 and to the web. */
  async function finished(): Promise<PDFDocument> {
    const doc = await PDFDocument.create();
    for (let i = 0; i < 6; i++) doc.addPage([420, 595]);
    const {context} = doc;
    doc.catalog.set(PDFName.of('PageLabels'), context.obj({Nums: [0, {S: 'r'}, 2, {S: 'D', St: 1}]}));
    const pages = doc.getPages();
    const link = (extra: Record<string, unknown>) => context.register(context.obj({Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 10, 10], ...extra}));
    pages[3]!.node.set(
      PDFName.of('Annots'),
      context.obj([
        link({Dest: [pages[4]!.ref, 'XYZ', 0, 500, null], P: pages[3]!.ref}),
        link({Dest: [pages[0]!.ref, 'Fit']}),
        link({A: {S: 'URI', URI: PDFString.of('https://example.org/')}}),
        link({A: {S: 'GoTo', D: [pages[4]!.ref, 'Fit']}}),
        link({Dest: PDFName.of('note-1')}),
      ]),
    );
    return doc;
  }
  const annotations = (doc: PDFDocument, index: number) => {
    const list = doc.getPage(index).node.lookup(PDFName.of('Annots'));
    return list instanceof PDFArray ? list.asArray().map((ref) => doc.context.lookup(ref) as PDFDict) : [];
  };
  const labels = (doc: PDFDocument) => {
    const tree = doc.catalog.lookup(PDFName.of('PageLabels'), PDFDict);
    return String(tree.lookup(PDFName.of('Nums'), PDFArray));
  };

  it('should keep the links among the cut pages, pointing to their copies, and drop the others', async () => {
    const source = await finished();
    const cut = await PDFDocument.load(await (await cutPages(source, 3, 4)).save());
    expect(cut.getPageCount()).toBe(2);
    const kept = annotations(cut, 0);
    // To page 4 (now 1), to the web, the GoTo to page 4 as a destination; not to page 0, nor to a name.
    expect(kept).toHaveLength(3);
    const destinations = kept.map((a) => a.lookup(PDFName.of('Dest')));
    expect(String((destinations[0] as PDFArray).get(0))).toBe(String(cut.getPage(1).ref));
    expect(String(destinations[0])).toContain('/XYZ 0 500 null');
    expect(kept[1]!.lookup(PDFName.of('A'), PDFDict).lookup(PDFName.of('URI'))).toBeInstanceOf(PDFString);
    expect(String((destinations[2] as PDFArray).get(0))).toBe(String(cut.getPage(1).ref));
    expect(kept.every((a) => !a.has(PDFName.of('P')))).toBe(true);
    // No page of the book came along with a link.
    const leaves = cut.context.enumerateIndirectObjects().filter(([, object]) => object instanceof PDFPageLeaf);
    expect(leaves).toHaveLength(2);
    // The source is as it was.
    expect(annotations(source, 3)).toHaveLength(5);
  });

  it('should keep the structure on the cut pages: each element with only what lies on them, its links, a parent tree anew', async () => {
    const source = await PDFDocument.create();
    for (let i = 0; i < 3; i++) source.addPage([420, 595]);
    const {context} = source;
    const [first, second] = [source.getPage(1), source.getPage(2)];
    const annotation = context.register(context.obj({Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 10, 10], StructParent: 9, Dest: [second.ref, 'Fit']}));
    second.node.set(PDFName.of('Annots'), context.obj([annotation]));
    const element = (fields: Record<string, unknown>) => context.register(context.obj({Type: 'StructElem', ...fields}));
    const before = element({S: 'P', Pg: source.getPage(0).ref, K: 0, Lang: PDFString.of('en')});
    // A paragraph running from page 1 onto page 2, a link on page 2.
    const across = element({
      S: 'P',
      K: [
        {Type: 'MCR', Pg: first.ref, MCID: 0},
        {Type: 'MCR', Pg: second.ref, MCID: 0},
      ],
    });
    const link = element({S: 'Link', Pg: second.ref, K: [1, {Type: 'OBJR', Obj: annotation}]});
    const documentElement = element({S: 'Document', K: [before, across, link]});
    for (const ref of [before, across, link]) context.lookup(ref, PDFDict).set(PDFName.of('P'), documentElement);
    for (const [page, key] of [
      [source.getPage(0), 0],
      [first, 1],
      [second, 2],
    ] as const)
      page.node.set(PDFName.of('StructParents'), context.obj(key));
    const root = context.register(
      context.obj({
        Type: 'StructTreeRoot',
        K: [documentElement],
        RoleMap: {Strong: 'Span'},
        ParentTree: {Nums: [0, [before], 1, [across], 2, [across, link], 9, link]},
      }),
    );
    context.lookup(documentElement, PDFDict).set(PDFName.of('P'), root);
    source.catalog.set(PDFName.of('StructTreeRoot'), root);

    const cut = await PDFDocument.load(await (await cutPages(source, 2, 2)).save());
    const tree = cut.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const kids = (dict: PDFDict) =>
      dict
        .lookup(PDFName.of('K'), PDFArray)
        .asArray()
        .map((kid) => cut.context.lookup(kid) ?? kid);
    const [top] = kids(tree) as PDFDict[];
    const elements = kids(top!) as PDFDict[];
    // The paragraph on page 0 is gone; the one across keeps its part on page 2; the link its text and its annotation.
    expect(elements.map((e) => e.lookup(PDFName.of('S'), PDFName).decodeText())).toEqual(['P', 'Link']);
    const page = cut.getPage(0).ref;
    expect(kids(elements[0]!).map(String)).toEqual([`<<\n/Type /MCR\n/Pg ${page}\n/MCID 0\n>>`]);
    expect(elements[1]!.get(PDFName.of('Pg'))).toBe(page);
    const [mcid, objr] = kids(elements[1]!);
    expect(String(mcid)).toBe('1');
    const copied = cut.getPage(0).node.lookup(PDFName.of('Annots'), PDFArray).get(0);
    expect((objr as PDFDict).get(PDFName.of('Obj'))).toBe(copied);
    // The parent tree leads from the page's marked content and from the link back to the copies.
    const nums = tree.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray);
    const pageKey = cut.getPage(0).node.get(PDFName.of('StructParents'));
    const linkKey = cut.context.lookup(copied!, PDFDict).get(PDFName.of('StructParent'));
    const entries = nums.asArray();
    expect(entries.map(String)).toEqual([String(pageKey), expect.any(String), String(linkKey), expect.any(String)]);
    const [forPage, forLink] = [cut.context.lookup(entries[1]!, PDFArray), entries[3]];
    expect(forPage.asArray().map((ref) => cut.context.lookup(ref))).toEqual(elements);
    expect(cut.context.lookup(forLink!)).toBe(elements[1]);
    expect(tree.lookup(PDFName.of('RoleMap'), PDFDict).get(PDFName.of('Strong'))).toBe(PDFName.of('Span'));
    expect(cut.catalog.lookup(PDFName.of('MarkInfo'), PDFDict).get(PDFName.of('Marked'))).toBeDefined();
  });

  it('should label the cut pages as the book does', async () => {
    const source = await finished();
    expect(labels(await cutPages(source, 3, 4))).toBe('[ 0 <<\n/S /D\n/St 2\n>> ]');
    const across = await cutPages(source, 1, 3);
    expect(labels(across)).toBe('[ 0 <<\n/S /r\n/St 2\n>> 1 <<\n/S /D\n/St 1\n>> ]');
  });
});
