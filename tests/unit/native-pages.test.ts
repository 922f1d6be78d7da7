import {PDFDict, PDFDocument, PDFHexString, PDFName, type PDFRawStream, type PDFRef, StandardFonts} from 'pdf-lib';
import {describe, expect, it} from 'vitest';
import {append, blankSections, blanksFor} from '../../src/render/pdf/stitch.js';
import {headingPages, readOutline} from '../../src/render/pdf/native/outline-pages.js';
import {folioText, romanFolio} from '../../src/render/shared/folios.js';
import {sheetMarkup} from '../../src/render/pdf/running-heads.js';
import {verticalBookDocument} from '../../src/render/pdf/native/book-document.js';
import {laySheets} from '../../src/render/pdf/native/sheet-pages.js';

describe('recto starts', () => {
  it('should insert a blank before each start that would fall on a verso', () => {
    // Starts at pages 0, 1, 3, 4 (0-based): 1 falls on a verso → blank; then 3 lands on 4 (recto); 4 lands on 5 → blank.
    expect(blanksFor([0, 1, 3, 4])).toEqual([1, 4]);
    expect(blanksFor([0, 2, 4])).toEqual([]);
    expect(blanksFor([])).toEqual([]);
  });

  it('should name the section each blank page goes before, the first opening on its page', () => {
    const starts = new Map([
      ['part-1', 1],
      ['a1', 2],
      ['a2', 2],
      ['part-2', 5],
    ]);
    expect(blankSections(['part-1', 'a1', 'a2', 'part-2'], starts, [1, 5])).toEqual(['part-1', 'part-2']);
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
    const sheets = sheetMarkup([{kind: 'cover'}, {kind: 'body', head: '书名', folio: '2'}, {kind: 'opening', folio: '3'}]);
    expect(sheets).toEqual([
      '<div class="sheet recto kind-cover" aria-hidden="true"></div>',
      '<div class="sheet verso kind-body" aria-hidden="true"><div class="running-head">书名</div><div class="folio">2</div></div>',
      '<div class="sheet recto kind-opening" aria-hidden="true"><div class="folio">3</div></div>',
    ]);
  });
});

describe('the vertical book in one document', () => {
  it("should lay the pieces in their order, then the sheets, with the book's page rules after the sheets' template", () => {
    const html = verticalBookDocument({
      title: '书',
      stylesheets: ['fonts.css', 'book.css'],
      pieces: [
        {root: {lang: 'zh-Hant', class: 'mode-vertical'}, body: '<section id="toc">目錄</section><div class="blank-page" aria-hidden="true"></div>'},
        {root: {lang: 'zh-Hant', class: 'mode-vertical'}, body: '<section id="a1">正文</section>'},
      ],
      sheets: ['<div class="sheet recto kind-front"></div>', '<div class="sheet verso kind-blank"></div>'],
    });
    expect(html).toMatch(/^<!doctype html><html lang="zh-Hant" class="mode-vertical">/);
    expect(html.indexOf('目錄')).toBeLessThan(html.indexOf('正文'));
    expect(html).toContain(
      '<div class="book-sheets" aria-hidden="true"><div class="sheet recto kind-front"></div><div class="sheet verso kind-blank"></div></div></body>',
    );
    const order = ['href="running-heads.css"', 'margin: revert', 'href="fonts.css"', 'href="book.css"', '@page book-sheet'].map((text) => html.indexOf(text));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
  });

  it("should lay each sheet page over its page as a form sharing the print's fonts, and remove it", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (const text of ['page 1', 'page 2', 'head 1', 'head 2']) doc.addPage([420, 595]).drawText(text, {x: 50, y: 50, font});
    await laySheets(doc, 2);
    expect(doc.getPageCount()).toBe(2);
    expect(doc.getPages()).toHaveLength(2);
    const fonts = new Set<string>();
    for (const page of doc.getPages()) {
      const forms = page.node.Resources()!.lookup(PDFName.of('XObject'), PDFDict);
      expect(forms.keys()).toHaveLength(1);
      const form = forms.lookup(forms.keys()[0]!) as PDFRawStream;
      expect(form.dict.get(PDFName.of('Subtype'))).toBe(PDFName.of('Form'));
      const formFonts = form.dict.lookup(PDFName.of('Resources'), PDFDict).lookup(PDFName.of('Font'), PDFDict);
      for (const key of formFonts.keys()) fonts.add(String(formFonts.get(key)));
    }
    // One font object for the pages and both sheets; the sheets' pages are gone from the file.
    expect(fonts.size).toBe(1);
    const saved = await PDFDocument.load(await doc.save());
    expect(saved.getPageCount()).toBe(2);
    expect(
      [...doc.context.enumerateIndirectObjects()].filter(([, object]) => object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('Page')),
    ).toHaveLength(2);
  });

  it('should refuse to lay more sheets than there are pages for them', async () => {
    const doc = await PDFDocument.create();
    for (let i = 0; i < 3; i++) doc.addPage();
    await expect(laySheets(doc, 2)).rejects.toThrow('3 页中没有 2 页页眉页码可放');
  });
});

describe('a vertical book put together from its pieces (when its one print does not match them)', () => {
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
