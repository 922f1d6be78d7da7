import {writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {PDFDocument, PDFName} from 'pdf-lib';
import {describe, expect, it} from 'vitest';
import {parseBuildOptions} from '../../src/cli/build-args.js';
import {makeArchival, xmpPacket} from '../../src/render/pdf/archival.js';
import {describeDocument} from '../../src/render/pdf/finish.js';
import type {BookMeta} from '../../src/model/book.js';
import {UsageError} from '../../src/report/messages.js';
import {pdfaProblems} from '../helpers/pdfa-check.js';

const info = {
  title: '青溪镇<年鉴> & “汇编”',
  author: '编者',
  subject: '2025',
  keywords: ['村务'],
  creator: 'huibian',
  producer: 'huibian (test)',
  language: 'zh-Hans',
  date: new Date('2025-12-31T08:00:00Z'),
};

/** A PDF of two pages of text, described as finishPdf describes it, made PDF/A; `tagged` gives it a structure tree first. */
async function archived(tagged: boolean): Promise<{file: string; level: string}> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont('Helvetica');
  for (let i = 0; i < 2; i++) doc.addPage([420, 595]).drawText(`page ${i + 1}`, {x: 50, y: 500, font});
  if (tagged) {
    doc.catalog.set(PDFName.of('StructTreeRoot'), doc.context.obj({Type: 'StructTreeRoot'}));
    doc.catalog.set(PDFName.of('MarkInfo'), doc.context.obj({Marked: true}));
  }
  describeDocument(doc, {language: 'zh-Hans', writingMode: 'horizontal'} as BookMeta, {...info, now: info.date});
  const level = await makeArchival(doc, info);
  const file = path.join(os.tmpdir(), `huibian-pdfa-${tagged}-${process.pid}.pdf`);
  await writeFile(file, await doc.save({useObjectStreams: true}));
  return {file, level};
}

describe('PDF/A', () => {
  it('should make a tagged PDF PDF/A-2a and an untagged one 2b, each passing the checks made here', async () => {
    for (const tagged of [true, false]) {
      const {file, level} = await archived(tagged);
      expect(level).toBe(tagged ? 'A' : 'B');
      // Helvetica is not embedded: the one clause left.
      expect(await pdfaProblems(file, level as 'A' | 'B')).toEqual(['6.2.11.4 font not embedded: Helvetica']);
    }
  });

  it('should write the document information into XMP, escaped', () => {
    const xmp = xmpPacket(info, 'A');
    expect(xmp).toContain('<rdf:li xml:lang="x-default">青溪镇&#60;年鉴&#62; &#38; “汇编”</rdf:li>');
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
    expect(xmp).toContain('<xmp:CreateDate>2025-12-31T08:00:00Z</xmp:CreateDate>');
  });

  it('should refuse a PDF with JavaScript, and say when the sRGB profile is missing', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({S: 'JavaScript', JS: 'app.alert(1)'}));
    await expect(makeArchival(doc, info)).rejects.toThrow(/PDF\/A 不允许的内容（动作 JavaScript、JavaScript）/);
    const plain = await PDFDocument.create();
    await expect(makeArchival(plain, info, '/nonexistent/srgb.icc')).rejects.toThrow(/缺少 sRGB 色彩配置文件/);
  });

  it('should take --pdfa for the book’s PDF only, never with --press', () => {
    expect(parseBuildOptions(['--pdfa'], '/books/x').pdfa).toBe(true);
    expect(() => parseBuildOptions(['--pdfa', '--press'], '/books/x')).toThrow(UsageError);
    expect(() => parseBuildOptions(['--pdfa', '--format', 'epub'], '/books/x')).toThrow(/--pdfa 只用于 --format pdf/);
  });
});
