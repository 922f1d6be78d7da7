/**
 * PDF/A-2 for the archive (`--pdfa`, ISO 19005-2): what a PDF printed by Chromium and
 * finished with pdf-lib lacks — an XMP metadata stream saying which part and level it
 * conforms to, repeating the document information; an sRGB output intent (Chromium paints in
 * DeviceRGB and DeviceGray); a file identifier. Level A when the PDF is tagged, B otherwise.
 * What is already so is checked rather than assumed: a PDF/A holds every font, no encryption,
 * no JavaScript, no action that leaves the file but a link, and prints every annotation.
 */
import {createHash} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import {PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFObject, PDFRawStream, PDFString} from 'pdf-lib';
import {EnvironmentError} from '../../report/messages.js';

/** Debian's sRGB profile (libgs-common, which Ghostscript brings: huibian's setup installs it). */
const SRGB_PROFILE = '/usr/share/color/icc/ghostscript/srgb.icc';

/** The document information the XMP repeats (PDF/A requires the two to agree). */
export interface ArchivalInfo {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string[];
  creator: string;
  producer: string;
  language: string;
  date: Date;
}

/** Make `doc` PDF/A-2a (tagged) or 2b; returns the level. Throws if it holds what PDF/A forbids. */
export async function makeArchival(doc: PDFDocument, info: ArchivalInfo, profile = SRGB_PROFILE): Promise<'A' | 'B'> {
  refuseForbidden(doc);
  const level = doc.catalog.has(PDFName.of('StructTreeRoot')) ? 'A' : 'B';
  const icc = await readFile(profile).catch((cause: unknown) => {
    throw new EnvironmentError(`缺少 sRGB 色彩配置文件 ${profile}，无法写出 PDF/A：请运行 npm run setup（或 apt-get install libgs-common）`, {cause});
  });
  const {context} = doc;
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    DestOutputProfile: context.register(context.flateStream(icc, {N: 3})),
  });
  doc.catalog.set(PDFName.of('OutputIntents'), context.obj([intent]));
  // Not compressed: PDF/A wants the metadata readable without decoding.
  const xmp = context.stream(new TextEncoder().encode(xmpPacket(info, level)), {Type: 'Metadata', Subtype: 'XML'});
  doc.catalog.set(PDFName.of('Metadata'), context.register(xmp));
  const id = PDFHexString.of(createHash('md5').update(`${info.title}\0${info.date.toISOString()}\0${doc.getPageCount()}`).digest('hex'));
  context.trailerInfo.ID = context.obj([id, id]);
  return level;
}

/** Actions PDF/A-2 forbids (ISO 19005-2 §6.6.1): links (GoTo, URI) stay. */
const FORBIDDEN_ACTIONS = new Set([
  'Launch',
  'Sound',
  'Movie',
  'ResetForm',
  'ImportData',
  'JavaScript',
  'Hide',
  'SetOCGState',
  'Rendition',
  'Trans',
  'GoTo3DView',
]);

/**
 * Stop on what PDF/A forbids and huibian cannot take out without changing the book
 * (encryption, JavaScript, forbidden actions); set every annotation to print, shown (flag 4
 * set, 1 and 2 clear: §6.3.2).
 */
function refuseForbidden(doc: PDFDocument): void {
  const problems = new Set<string>();
  if (doc.context.trailerInfo.Encrypt) problems.add('加密');
  for (const dict of allDictionaries(doc)) {
    const action = dict.lookup(PDFName.of('S'));
    if (action instanceof PDFName && FORBIDDEN_ACTIONS.has(action.decodeText())) problems.add(`动作 ${action.decodeText()}`);
    if (dict.has(PDFName.of('JS'))) problems.add('JavaScript');
    if (dict.has(PDFName.of('AA'))) problems.add('附加动作');
    if (dict.lookup(PDFName.of('Type')) === PDFName.of('Annot')) {
      const flags = dict.lookup(PDFName.of('F'));
      dict.set(PDFName.of('F'), PDFNumber.of(((flags instanceof PDFNumber ? flags.asNumber() : 0) | 4) & ~3));
    }
  }
  if (problems.size > 0) throw new EnvironmentError(`PDF 中有 PDF/A 不允许的内容（${[...problems].join('、')}），未写出 PDF/A：请报告此问题`);
}

/** Every dictionary of the document, those written inside others included (an action in a link, say). */
function* allDictionaries(doc: PDFDocument): Generator<PDFDict> {
  const within = function* (object: PDFObject): Generator<PDFDict> {
    const dict = object instanceof PDFRawStream ? object.dict : object;
    if (dict instanceof PDFDict) {
      yield dict;
      for (const [, value] of dict.entries()) yield* within(value);
    } else if (dict instanceof PDFArray) {
      for (const value of dict.asArray()) yield* within(value);
    }
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) yield* within(object);
}

/** The XMP packet: Dublin Core, XMP basic, Adobe PDF and PDF/A identification, as the document information says them. */
export function xmpPacket(info: ArchivalInfo, level: 'A' | 'B'): string {
  const date = info.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${xmlText(text)}</rdf:li></rdf:Alt>`;
  const lines = [
    `<dc:title>${alt(info.title)}</dc:title>`,
    info.author ? `<dc:creator><rdf:Seq><rdf:li>${xmlText(info.author)}</rdf:li></rdf:Seq></dc:creator>` : '',
    info.subject ? `<dc:description>${alt(info.subject)}</dc:description>` : '',
    `<dc:language><rdf:Bag><rdf:li>${xmlText(info.language)}</rdf:li></rdf:Bag></dc:language>`,
    `<dc:format>application/pdf</dc:format>`,
    info.keywords?.length ? `<pdf:Keywords>${xmlText(info.keywords.join(' '))}</pdf:Keywords>` : '',
    `<pdf:Producer>${xmlText(info.producer)}</pdf:Producer>`,
    `<xmp:CreatorTool>${xmlText(info.creator)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<pdfaid:part>2</pdfaid:part>`,
    `<pdfaid:conformance>${level}</pdfaid:conformance>`,
  ].filter(Boolean);
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">',
    ...lines,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

function xmlText(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
