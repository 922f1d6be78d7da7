import {decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFNull, PDFNumber, type PDFPage, PDFRawStream} from 'pdf-lib';
import {describe, expect, it} from 'vitest';
import {markArtifacts} from '../../src/render/pdf/tagged/artifacts.js';
import {operationsOf} from '../../src/render/pdf/tagged/content-operations.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);

describe('content stream operations', () => {
  it('should read each operator with its operands, whatever the operands hold', () => {
    const stream = '/P <</MCID 0 /Alt (a (nested) \\) EMC)>> BDC\n[(Tj) -250 <0018>] TJ % a comment Tj\n1 0 0 1 72 700 Tm\nEMC';
    const operations = operationsOf(bytes(stream));
    expect(operations.map((o) => o.operator)).toEqual(['BDC', 'TJ', 'Tm', 'EMC']);
    expect(operations.map((o) => stream.slice(o.start, o.end))).toEqual([
      '/P <</MCID 0 /Alt (a (nested) \\) EMC)>> BDC',
      '[(Tj) -250 <0018>] TJ',
      '1 0 0 1 72 700 Tm',
      'EMC',
    ]);
  });

  it('should take an inline image, its binary data included, for one operation', () => {
    const stream = 'q BI /W 2 /H 1 /BPC 8 /CS /G ID \x00EI\xff EI Q';
    expect(operationsOf(bytes(stream)).map((o) => o.operator)).toEqual(['q', 'BI', 'Q']);
  });

  it('should refuse a string that never ends', () => {
    expect(() => operationsOf(bytes('(open Tj'))).toThrow(/字符串没有结束/);
  });
});

/** A one-page document whose stream is `content`, with a structure tree: a P owning marked content 0 (and the MCIDs in `more`). */
async function taggedPage(content: string | string[], more: number[] = []) {
  const doc = await PDFDocument.create();
  const page = doc.addPage([100, 100]);
  const streams = (Array.isArray(content) ? content : [content]).map((text) => doc.context.register(doc.context.flateStream(bytes(text))));
  page.node.set(PDFName.of('Contents'), doc.context.obj(streams));
  page.node.set(PDFName.of('StructParents'), PDFNumber.of(0));
  const p = doc.context.register(doc.context.obj({Type: 'StructElem', S: 'P', Pg: page.ref, K: [0, ...more]}));
  const tree = doc.context.obj({
    Type: 'StructTreeRoot',
    K: [p],
    ParentTree: doc.context.obj({
      Nums: [0, doc.context.obj(Array.from({length: Math.max(0, ...more) + 1}, (_, id) => ([0, ...more].includes(id) ? p : PDFNull)))],
    }),
    ParentTreeNextKey: 1,
  });
  doc.catalog.set(PDFName.of('StructTreeRoot'), doc.context.register(tree));
  return {doc, page, p};
}

const streamText = (doc: PDFDocument, page: PDFPage) => {
  const contents = page.node.lookup(PDFName.of('Contents'), PDFArray);
  return contents
    .asArray()
    .map((ref) => {
      const stream = doc.context.lookup(ref);
      return text(
        stream instanceof PDFRawStream
          ? decodePDFRawStream(stream).decode()
          : (stream as unknown as {getUnencodedContents(): Uint8Array}).getUnencodedContents(),
      );
    })
    .join(' | ');
};

describe('artifacts', () => {
  it('should wrap what paints outside marked content as an artifact, a path with what built it, and leave a clip alone', async () => {
    const {doc, page} = await taggedPage('q 0 0 100 100 re W n\n/P <</MCID 0>> BDC BT (甲) Tj ET EMC\n0 0 m 10 0 l S\nBT (1) Tj ET Q');
    expect(markArtifacts(doc)).toEqual({artifacts: 2, joined: 0});
    expect(streamText(doc, page)).toBe(
      'q 0 0 100 100 re W n\n/P <</MCID 0>> BDC BT (甲) Tj ET EMC\n/Artifact BMC\n0 0 m 10 0 l S\nEMC\nBT /Artifact BMC\n(1) Tj\nEMC ET Q',
    );
  });

  it('should join text left unmarked before marked content to that content’s element, under a new id', async () => {
    const {doc, page, p} = await taggedPage('BT (镇) Tj /P <</MCID 0>> BDC (党委) Tj EMC ET');
    expect(markArtifacts(doc)).toEqual({artifacts: 0, joined: 1});
    expect(streamText(doc, page)).toBe('BT /Span <</MCID 1>> BDC\n(镇) Tj\nEMC /P <</MCID 0>> BDC (党委) Tj EMC ET');
    const element = doc.context.lookup(p) as PDFDict;
    expect(element.lookup(PDFName.of('K'), PDFArray).asArray().map(String)).toEqual(['1', '0']);
    const tree = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).lookup(PDFName.of('ParentTree'), PDFDict);
    expect(tree.lookup(PDFName.of('Nums'), PDFArray).lookup(1, PDFArray).asArray()).toEqual([p, p]);
  });

  it('should follow marked content from one of a page’s streams into the next, and look for the next id there', async () => {
    const {doc, page} = await taggedPage(['/P <</MCID 0>> BDC BT (甲) Tj ET', 'EMC BT (①) Tj ET', '/P <</MCID 2>> BDC BT (乙) Tj ET EMC'], [2]);
    expect(markArtifacts(doc)).toEqual({artifacts: 0, joined: 1});
    expect(streamText(doc, page)).toContain('EMC BT /Span <</MCID 3>> BDC\n(①) Tj\nEMC ET');
  });

  it('should leave a page laid over another (an XObject) an artifact, and the stream otherwise byte for byte', async () => {
    const stream = 'q 1 0 0 1 0 0 cm /X0 Do Q\n/Figure <</MCID 0>> BDC /Im1 Do EMC';
    const {doc, page} = await taggedPage(stream);
    markArtifacts(doc);
    const out = streamText(doc, page);
    expect(out).toBe('q 1 0 0 1 0 0 cm /Artifact BMC\n/X0 Do\nEMC Q\n/Figure <</MCID 0>> BDC /Im1 Do EMC');
    expect(out.replace(/\/Artifact BMC\n|\nEMC(?= Q)/g, '')).toBe(stream);
  });

  it('should find nothing left to mark in what it marked', async () => {
    const {doc} = await taggedPage('BT (镇) Tj /P <</MCID 0>> BDC (党委) Tj EMC (1) Tj ET');
    expect(markArtifacts(doc)).toEqual({artifacts: 1, joined: 1});
    const saved = await PDFDocument.load(await doc.save({useObjectStreams: false}));
    expect(markArtifacts(saved)).toEqual({artifacts: 0, joined: 0});
  });
});
