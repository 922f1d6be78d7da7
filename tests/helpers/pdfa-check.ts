/**
 * The PDF/A-2 clauses (ISO 19005-2) that can be checked here without a validator (none is
 * packaged for Debian): each problem found is named with its clause. The README lists what
 * these checks cover and what they do not.
 */
import {readFile} from 'node:fs/promises';
import {decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFString, PDFHexString, type PDFObject} from 'pdf-lib';
import {fonts} from './pdf-tools.js';

const text = (value: PDFObject | undefined) => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined);

/** What keeps `file` from being PDF/A-2 at `level`, clause by clause; empty when nothing checked here does. */
export async function pdfaProblems(file: string, level: 'A' | 'B'): Promise<string[]> {
  const bytes = await readFile(file);
  const problems: string[] = [];
  // 6.1.2: the header, and a comment of four bytes above 127 after it.
  if (!/^%PDF-1\.[0-7]\r?\n%/.test(bytes.subarray(0, 12).toString('latin1'))) problems.push('6.1.2 header');
  const comment = bytes.subarray(bytes.indexOf(0x25, 5) + 1, bytes.indexOf(0x25, 5) + 5);
  if (![...comment].every((b) => b > 127)) problems.push('6.1.2 binary comment');
  const doc = await PDFDocument.load(bytes, {updateMetadata: false});
  const {trailerInfo} = doc.context;
  // 6.1.3: a file identifier; no encryption.
  if (!trailerInfo.ID) problems.push('6.1.3 trailer ID');
  if (trailerInfo.Encrypt) problems.push('6.1.3 encrypted');

  // 6.2.3: one output intent, GTS_PDFA1, with an RGB ICC profile (Chromium paints in DeviceRGB and DeviceGray).
  const intents = doc.catalog.lookup(PDFName.of('OutputIntents'));
  const intent = intents instanceof PDFArray ? intents.lookup(0) : undefined;
  const profile = intent instanceof PDFDict ? intent.lookup(PDFName.of('DestOutputProfile')) : undefined;
  if (!(intent instanceof PDFDict) || intent.lookup(PDFName.of('S')) !== PDFName.of('GTS_PDFA1')) problems.push('6.2.3 output intent');
  else if (!(profile instanceof PDFRawStream)) problems.push('6.2.3 output profile');
  else {
    const icc = Buffer.from(decodePDFRawStream(profile).decode());
    const n = profile.dict.lookup(PDFName.of('N'));
    if (icc.toString('latin1', 36, 40) !== 'acsp' || icc.toString('latin1', 16, 20) !== 'RGB ' || !(n instanceof PDFNumber) || n.asNumber() !== 3) {
      problems.push('6.2.3 output profile not an RGB ICC profile');
    }
  }

  // Each dictionary, those inside others too (a link's action).
  const dictionaries: Array<[PDFDict, PDFObject]> = [];
  const collect = (object: PDFObject) => {
    const dict = object instanceof PDFRawStream ? object.dict : object;
    if (dict instanceof PDFDict) {
      dictionaries.push([dict, object]);
      for (const value of dict.values()) collect(value);
    } else if (dict instanceof PDFArray) dict.asArray().forEach(collect);
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) collect(object);
  for (const [dict, object] of dictionaries) {
    // 6.1.7: no stream data outside the file, no LZW.
    if (object instanceof PDFRawStream && (dict.has(PDFName.of('F')) || String(dict.lookup(PDFName.of('Filter'))).includes('LZW')))
      problems.push('6.1.7 stream');
    // 6.3.2: annotations print, shown.
    if (dict.lookup(PDFName.of('Type')) === PDFName.of('Annot')) {
      const flags = dict.lookup(PDFName.of('F'));
      const f = flags instanceof PDFNumber ? flags.asNumber() : 0;
      if ((f & 4) === 0 || (f & 3) !== 0 || (f & 32) !== 0) problems.push('6.3.2 annotation flags');
    }
    // 6.6.1, 6.6.2: no JavaScript, no forbidden actions, no additional actions.
    const action = dict.lookup(PDFName.of('S'));
    if (
      action instanceof PDFName &&
      ['Launch', 'Sound', 'Movie', 'ResetForm', 'ImportData', 'JavaScript', 'Hide', 'SetOCGState', 'Rendition', 'Trans', 'GoTo3DView'].includes(
        action.decodeText(),
      )
    ) {
      problems.push(`6.6.1 action ${action.decodeText()}`);
    }
    if (dict.has(PDFName.of('JS')) || dict.has(PDFName.of('AA'))) problems.push('6.6.2 JavaScript or additional actions');
  }

  // 6.2.11.4, 6.2.11.7: every font embedded, with a Unicode map.
  for (const font of await fonts(file)) if (!font.embedded) problems.push(`6.2.11.4 font not embedded: ${font.name}`);

  // 6.6.2.1, 6.6.2.3: unfiltered XMP metadata naming part 2 and the level, repeating the document information.
  const metadata = doc.catalog.lookup(PDFName.of('Metadata'));
  if (!(metadata instanceof PDFRawStream) || metadata.dict.has(PDFName.of('Filter'))) problems.push('6.6.2.1 metadata stream');
  else {
    const xmp = new TextDecoder().decode(metadata.contents);
    const tag = (name: string) => new RegExp(`<${name}>(?:<rdf:\\w+>)?(?:<rdf:li[^>]*>)?([^<]*)`).exec(xmp)?.[1];
    if (tag('pdfaid:part') !== '2' || tag('pdfaid:conformance') !== level)
      problems.push(`6.6.4 identification (part ${tag('pdfaid:part')}, ${tag('pdfaid:conformance')})`);
    const info = doc.context.lookup(trailerInfo.Info);
    const entry = (key: string) => (info instanceof PDFDict ? text(info.lookup(PDFName.of(key))) : undefined);
    const fromXml = (value: string | undefined) => value?.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
    if (fromXml(tag('dc:title')) !== entry('Title')) problems.push('6.6.2.3 dc:title ≠ Title');
    if (fromXml(tag('pdf:Producer')) !== entry('Producer')) problems.push('6.6.2.3 pdf:Producer ≠ Producer');
    if (fromXml(tag('xmp:CreatorTool')) !== entry('Creator')) problems.push('6.6.2.3 xmp:CreatorTool ≠ Creator');
    const infoDate = entry('CreationDate')?.replace(/^D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d).*$/, '$1-$2-$3T$4:$5:$6Z');
    if (tag('xmp:CreateDate') !== infoDate) problems.push(`6.6.2.3 xmp:CreateDate ${tag('xmp:CreateDate')} ≠ CreationDate ${infoDate}`);
  }

  // 6.7 (level A): a structure tree, marked content, the document's language.
  if (level === 'A') {
    const mark = doc.catalog.lookup(PDFName.of('MarkInfo'));
    if (!(mark instanceof PDFDict) || String(mark.lookup(PDFName.of('Marked'))) !== 'true') problems.push('6.7.2.2 MarkInfo');
    if (!doc.catalog.has(PDFName.of('StructTreeRoot'))) problems.push('6.7.3 structure tree');
    if (!doc.catalog.has(PDFName.of('Lang'))) problems.push('6.7.4 language');
  }
  return problems;
}
