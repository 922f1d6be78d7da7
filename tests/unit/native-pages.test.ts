import {PDFDocument, PDFHexString, PDFName, type PDFRef} from 'pdf-lib';
import {describe, expect, it} from 'vitest';
import {append, blanksFor} from '../../src/render/pdf/stitch.js';
import {headingPages, readOutline} from '../../src/render/pdf/native/outline-pages.js';
import {folioText, romanFolio} from '../../src/render/shared/folios.js';
import {runningHeadsDocument} from '../../src/render/pdf/running-heads.js';
import type {BookMeta} from '../../src/model/book.js';

describe('recto starts', () => {
  it('should insert a blank before each start that would fall on a verso', () => {
    // Starts at pages 0, 1, 3, 4 (0-based): 1 falls on a verso → blank; then 3 lands on 4 (recto); 4 lands on 5 → blank.
    expect(blanksFor([0, 1, 3, 4])).toEqual([1, 4]);
    expect(blanksFor([0, 2, 4])).toEqual([]);
    expect(blanksFor([])).toEqual([]);
  });
});

describe('Chromium bookmarks', () => {
  it('should find the pages of the sections by the order of their headings, never by text (issue 9 defect 5)', async () => {
    const doc = await PDFDocument.create();
    for (let i = 0; i < 4; i++) doc.addPage();
    const pages = doc.getPages();
    const ref = (title: string, page: number, next?: PDFRef) => {
      const r = doc.context.nextRef();
      const dict = doc.context.obj({Title: PDFHexString.fromText(title), Dest: [pages[page]!.ref, 'XYZ', 0, 0, 0]});
      if (next) dict.set(PDFName.of('Next'), next);
      doc.context.assign(r, dict);
      return r;
    };
    const third = ref('乙文', 3);
    const second = ref('一、小节', 2, third);
    const first = ref('『甲』文', 1, second);
    const root = doc.context.nextRef();
    doc.context.assign(root, doc.context.obj({First: first}));
    doc.catalog.set(PDFName.of('Outlines'), root);
    const entries = readOutline(doc);
    expect(entries).toEqual([
      {title: '『甲』文', page: 1},
      {title: '一、小节', page: 2},
      {title: '乙文', page: 3},
    ]);
    expect(headingPages(entries, ['a1', null, 'a2'])).toEqual(
      new Map([
        ['a1', 1],
        ['a2', 3],
      ]),
    );
    // A bookmark missing (or one too many): the outline cannot be trusted.
    expect(headingPages(entries, ['a1', 'a2'])).toBeUndefined();
  });
});

describe('running heads', () => {
  it('should write folios in the book style', () => {
    expect(folioText(12, 'arabic')).toBe('12');
    expect(folioText(12, 'chinese')).toBe('十二');
    expect([1, 4, 9, 14, 40].map(romanFolio)).toEqual(['i', 'iv', 'ix', 'xiv', 'xl']);
  });

  it('should make one sheet per page, rectos first, with head and folio only where asked', () => {
    const meta = {language: 'zh-Hans', writingMode: 'horizontal'} as BookMeta;
    const html = runningHeadsDocument(meta, [{kind: 'cover'}, {kind: 'body', head: '书名', folio: '2'}, {kind: 'opening', folio: '3'}], ['a.css']);
    expect(html).toContain('<div class="sheet recto kind-cover" aria-hidden="true"></div>');
    expect(html).toContain('<div class="sheet verso kind-body" aria-hidden="true"><div class="running-head">书名</div><div class="folio">2</div></div>');
    expect(html).toContain('<div class="sheet recto kind-opening" aria-hidden="true"><div class="folio">3</div></div>');
    expect(html).toContain('<link rel="stylesheet" href="a.css">');
  });
});

describe('stitching pieces', () => {
  it('should copy every page, a blank page of the same size before each index given', async () => {
    const source = await PDFDocument.create();
    for (let i = 0; i < 3; i++) source.addPage([420, 595]).drawText(String(i), {x: 100, y: 100});
    const target = await PDFDocument.create();
    await append(target, source, [1, 2]);
    expect(target.getPageCount()).toBe(5);
    const drawn = target.getPages().map((page) => page.node.Contents() !== undefined);
    expect(drawn).toEqual([true, false, true, false, true]);
    expect(target.getPage(1).getSize()).toEqual({width: 420, height: 595});
  });
});
