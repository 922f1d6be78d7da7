import {PDFDocument, PDFName, type PDFRef} from 'pdf-lib';
import {describe, expect, it} from 'vitest';
import {drawnTexts} from '../../src/render/pdf/drawn-text.js';

/** A two-byte font (as Chromium writes them) whose ToUnicode map is `cmap`. */
function font(doc: PDFDocument, cmap: string): PDFRef {
  const toUnicode = doc.context.register(
    doc.context.flateStream(`/CIDInit /ProcSet findresource begin\nbegincmap\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n${cmap}\nendcmap\n`),
  );
  return doc.context.register(doc.context.obj({Type: 'Font', Subtype: 'Type0', BaseFont: 'AAAAAA+Test', Encoding: 'Identity-H', ToUnicode: toUnicode}));
}

describe('drawnTexts', () => {
  it('should read each page’s text through its fonts’ ToUnicode maps, forms included', async () => {
    const doc = await PDFDocument.create();
    const han = font(
      doc,
      '2 beginbfchar\n<0001> <6C5F>\n<0002> <D840DC0B>\nendbfchar\n2 beginbfrange\n<0010> <0012> <4E00>\n<0020> <0021> [<6751> <9547>]\nendbfrange',
    );
    // A font without a map (its text is not read) and a one-byte one.
    const bare = doc.context.register(doc.context.obj({Type: 'Font', Subtype: 'Type0', Encoding: 'Identity-H'}));
    const latin = doc.context.register(
      doc.context.obj({
        Type: 'Font',
        Subtype: 'TrueType',
        ToUnicode: doc.context.register(
          doc.context.stream('1 begincodespacerange\n<00> <FF>\nendcodespacerange\n1 beginbfrange\n<20> <7E> <0020>\nendbfrange'),
        ),
      }),
    );
    const form = doc.context.register(
      doc.context.flateStream('BT /H 9 Tf <0020> Tj ET', {Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 10, 10], Resources: {Font: {H: han}}}),
    );
    const page = doc.addPage();
    page.node.set(PDFName.of('Resources'), doc.context.obj({Font: {H: han, B: bare, L: latin}, XObject: {Fm: form}}));
    const contents = [
      // Hex with white space in it, ranges counted up, a code point above the BMP.
      'BT /H 12 Tf 10 700 Td <0001 0010> Tj [<0011> -250 <0012>] TJ <0002> Tj ET',
      // Split into two streams at an operator, as a page may be; a literal string with escapes.
      'BT /B 12 Tf <0001> Tj /L 12 Tf (a\\(b\\) \\101) Tj ET /Fm Do',
    ].map((content) => doc.context.register(doc.context.flateStream(content)));
    page.node.set(PDFName.of('Contents'), doc.context.obj(contents));
    doc.addPage();

    expect(drawnTexts(await PDFDocument.load(await doc.save()))).toEqual(['江一丁丂𠀋a(b) A村', '']);
    expect(drawnTexts(doc, 1)).toHaveLength(1);
  });
});
