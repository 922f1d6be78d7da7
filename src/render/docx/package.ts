/**
 * The last touches to the package the docx library wrote, which it has no options for: pages
 * mirrored for a bound book (inner and outer margins), a vertical book bound on the right, and
 * dates and ids fixed so that the same book gives the same file (the library numbers
 * bookmarks across all documents of the process, and names links at random).
 */
import JSZip from 'jszip';

/** Settings that come before `w:mirrorMargins` in WordprocessingML's order (CT_Settings); Word refuses a file out of order. */
const BEFORE_MIRROR = [
  'writeProtection',
  'view',
  'zoom',
  'removePersonalInformation',
  'removeDateAndTime',
  'doNotDisplayPageBoundaries',
  'displayBackgroundShape',
  'printPostScriptOverText',
  'printFractionalCharacterWidth',
  'printFormsData',
  'embedTrueTypeFonts',
  'embedSystemFonts',
  'saveSubsetFonts',
  'saveFormsData',
];

/** The package with mirrored margins, right-hand binding when `vertical`, and every date `modified`. */
export async function finishPackage(bytes: Uint8Array, {modified, vertical}: {modified: Date; vertical: boolean}): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await edit(zip, 'word/settings.xml', (xml) => mirrorMargins(xml));
  if (vertical) await edit(zip, 'word/document.xml', (xml) => rightBinding(xml));
  const stamp = modified.toISOString().replace(/\.\d{3}Z$/, 'Z');
  await edit(zip, 'docProps/core.xml', (xml) => xml.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`));
  await stableIds(zip);
  for (const entry of Object.values(zip.files)) entry.date = modified;
  return zip.generateAsync({
    type: 'uint8array',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    compression: 'DEFLATE',
    compressionOptions: {level: 9},
  });
}

async function edit(zip: JSZip, name: string, change: (xml: string) => string): Promise<void> {
  const file = zip.file(name);
  if (!file) throw new Error(`docx package without ${name}`);
  zip.file(name, change(await file.async('string')));
}

/**
 * Ids numbered in order of their first use instead of as the library left them: bookmarks
 * (`w:id`, and the contents' `_Toc` names), drawings (`wp:docPr`), and the random
 * relationship ids of links.
 */
async function stableIds(zip: JSZip): Promise<void> {
  const names = Object.keys(zip.files)
    .filter((name) => /^word\/.*\.xml(?:\.rels)?$/.test(name))
    // Each part before its relationships: the order of first use is the document's own.
    .sort((a, b) => a.replace(/_rels\/(.*)\.rels$/, '$1~').localeCompare(b.replace(/_rels\/(.*)\.rels$/, '$1~')));
  const numbers = new Map<string, Map<string, number>>();
  const stable = (kind: string, id: string) => {
    const seen = numbers.get(kind) ?? numbers.set(kind, new Map()).get(kind)!;
    if (!seen.has(id)) seen.set(id, seen.size + 1);
    return seen.get(id)!;
  };
  let drawings = 0;
  for (const name of names) {
    await edit(zip, name, (xml) =>
      xml
        .replace(/(<w:bookmark(?:Start|End)\b[^>]*?w:id=")(\d+)"/g, (_, head: string, id: string) => `${head}${stable('bookmark', id)}"`)
        .replace(/\b_Toc(\d+)\b/g, (_, id: string) => `_Toc${stable('toc', id)}`)
        .replace(/"rId((?!\d+")[\w-]+)"/g, (_, id: string) => `"rIdh${stable('link', id)}"`)
        .replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++drawings}"`),
    );
  }
}

/** `w:mirrorMargins`: left and right margins become inner and outer, as in the printed book. */
export function mirrorMargins(settings: string): string {
  if (settings.includes('<w:mirrorMargins')) return settings;
  // After the last setting that must come before it, else first.
  let at = -1;
  for (const name of BEFORE_MIRROR) {
    const match = new RegExp(`<w:${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</w:${name}>)`).exec(settings);
    if (match) at = Math.max(at, match.index + match[0].length);
  }
  if (at < 0) {
    const open = /<w:settings\b[^>]*>/.exec(settings);
    if (!open) throw new Error('docx settings without <w:settings>');
    at = open.index + open[0].length;
  }
  return `${settings.slice(0, at)}<w:mirrorMargins/>${settings.slice(at)}`;
}

/** `w:rtlGutter` in every section: the spine on the right, as a vertical book is bound (after `w:textDirection`, as CT_SectPr orders it). */
export function rightBinding(document: string): string {
  return document.replace(/(<w:textDirection w:val="tbRl"\/>)/g, '$1<w:rtlGutter/>');
}
