import type {Root} from 'hast';
import {selectAll} from 'hast-util-select';
import {h} from 'hastscript';
import {PDFDict, PDFDocument, PDFHexString, PDFName, type PDFRef} from 'pdf-lib';
import {describe, expect, it} from 'vitest';
import {typeMarkedElements} from '../../src/render/pdf/tagged/structure-types.js';
import {markForTaggedPdf} from '../../src/render/shared/structure-marks.js';

/** A structure element of type `type` with `kids`, and a language when given. */
function element(doc: PDFDocument, type: string, kids: PDFRef[], lang?: string): PDFRef {
  return doc.context.register(doc.context.obj({Type: 'StructElem', S: type, K: kids, ...(lang ? {Lang: PDFHexString.fromText(lang)} : {})}));
}

const typeOf = (doc: PDFDocument, ref: PDFRef) => (doc.context.lookup(ref, PDFDict).get(PDFName.of('S')) as PDFName).decodeText();

describe('structure types Chromium cannot write', () => {
  it('should make the marked list a TOC of TOCIs, nested lists too, a marked note a Note and the index an Index, and drop the marks', async () => {
    const doc = await PDFDocument.create();
    const inner = element(doc, 'LI', []);
    const nested = element(doc, 'L', [inner]);
    const item = element(doc, 'LI', [element(doc, 'Link', []), nested]);
    const toc = element(doc, 'L', [item], 'zh-Hans-x-toc');
    const note = element(doc, 'NonStruct', [], 'zh-Hant-x-note');
    const notes = element(doc, 'L', [element(doc, 'Note', []), element(doc, 'LI', [], 'zh-Hans-x-note')]);
    const index = element(doc, 'NonStruct', [], 'zh-Hans-x-index');
    const other = element(doc, 'L', [element(doc, 'LI', [])], 'en');
    const root = doc.context.register(doc.context.obj({Type: 'StructTreeRoot', K: [element(doc, 'Document', [toc, note, notes, index, other])]}));
    doc.catalog.set(PDFName.of('StructTreeRoot'), root);

    expect(typeMarkedElements(doc)).toBe(4);
    expect([toc, item, nested, inner].map((ref) => typeOf(doc, ref))).toEqual(['TOC', 'TOCI', 'TOC', 'TOCI']);
    expect([note, index].map((ref) => typeOf(doc, ref))).toEqual(['Note', 'Index']);
    // A list of nothing but notes is a group of notes; a list elsewhere stays one, its language kept.
    expect(typeOf(doc, notes)).toBe('Div');
    expect(typeOf(doc, other)).toBe('L');
    expect(doc.context.lookup(other, PDFDict).has(PDFName.of('Lang'))).toBe(true);
    expect([toc, note, index].some((ref) => doc.context.lookup(ref, PDFDict).has(PDFName.of('Lang')))).toBe(false);
  });

  it('should leave an untagged document alone', async () => {
    expect(typeMarkedElements(await PDFDocument.create())).toBe(0);
  });
});

describe('the print document’s marks', () => {
  it('should mark the contents, each note and the index in a private-use subtag of the book’s language', () => {
    const tree: Root = h(null, [
      h('ol.toc-list', [h('li', [h('ol', [h('li')])])]),
      h('p', [h('span.footnote', '注')]),
      h('section.article-notes', [h('ol', [h('li', ['注', h('ul', [h('li', '列')])])])]),
      h('section.apparatus.book-index'),
    ]);
    markForTaggedPdf(tree, 'zh-Hant');
    const langs = selectAll('[lang]', tree).map((element) => [element.tagName, element.properties.lang]);
    expect(langs).toEqual([
      ['ol', 'zh-Hant-x-toc'],
      ['span', 'zh-Hant-x-note'],
      ['li', 'zh-Hant-x-note'],
      ['section', 'zh-Hant-x-index'],
    ]);
  });

  it('should say that a code block is a paragraph and a table a table (Chromium types neither by its tag alone)', () => {
    const tree: Root = h(null, [h('pre', [h('code', '$ make')]), h('table', [h('tr', [h('td', '甲')])]), h('table', {role: 'presentation'})]);
    markForTaggedPdf(tree, 'zh-Hans');
    expect(selectAll('[role]', tree).map((element) => [element.tagName, element.properties.role])).toEqual([
      ['pre', 'paragraph'],
      ['table', 'table'],
      ['table', 'presentation'],
    ]);
  });

  it('should name a figure by its images’ alt texts, else by its caption, and keep a name it has', () => {
    const body: Root = h(null, [
      h('figure', [h('img', {alt: '新修的村道'}), h('svg', {role: 'img', ariaLabel: '产量图'}), h('figcaption', '▲ 图注')]),
      h('figure', [h('img', {alt: ''}), h('figcaption', ['▲ ', h('span', '只有图注')])]),
      h('figure', {ariaLabel: '原有的名字'}, [h('img', {alt: '别的'})]),
      h('figure', [h('img')]),
    ]);
    markForTaggedPdf(body, 'zh-Hans');
    const names = body.children.map((figure) => (figure.type === 'element' ? figure.properties.ariaLabel : undefined));
    expect(names).toEqual(['新修的村道；产量图', '▲ 只有图注', '原有的名字', undefined]);
  });
});
