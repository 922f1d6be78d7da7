import {getDocument} from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Han characters (by code point) of a text, counted. */
export function hanCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const char of text.match(/\p{Script=Han}/gu) ?? []) counts.set(char, (counts.get(char) ?? 0) + 1);
  return counts;
}

/** Every piece of text a PDF draws, read back with pdf.js (what a reader or a search would find). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const task = getDocument({data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0});
  const doc = await task.promise;
  try {
    const parts: string[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      for (const item of content.items) if ('str' in item) parts.push(item.str);
      page.cleanup();
    }
    return parts.join('');
  } finally {
    await task.destroy();
  }
}

/**
 * Compare the Han characters a document holds with those its PDF draws. They must be as many;
 * which ones may differ a little, because a font can draw two variant code points with one
 * glyph and the PDF's text map names only one of them (鎮/鎭 in vertical Noto Serif TC).
 * Characters `drawable` says no font has are left out (the build warns about them already).
 * Returns a sentence naming what went missing or came twice, or undefined when they agree.
 */
export function compareHan(expected: string, printed: string, drawable: (char: string) => boolean = () => true): string | undefined {
  const want = hanCounts(expected);
  const got = hanCounts(printed);
  // A character the book's font lacks (already warned about) comes from whatever font the
  // system has, or as an empty box: not counted either way.
  for (const counts of [want, got]) for (const char of counts.keys()) if (!drawable(char)) counts.delete(char);
  const lost: string[] = [];
  const extra: string[] = [];
  let lostCount = 0;
  let extraCount = 0;
  for (const [char, n] of want) {
    const m = got.get(char) ?? 0;
    if (m < n) {
      lostCount += n - m;
      if (lost.length < 12) lost.push(char);
    }
  }
  for (const [char, m] of got) {
    const n = want.get(char) ?? 0;
    if (m > n) {
      extraCount += m - n;
      if (extra.length < 12) extra.push(char);
    }
  }
  if (lostCount === extraCount) return undefined;
  const parts: string[] = [];
  if (lostCount > 0) parts.push(`丢失 ${lostCount} 字（如“${lost.join('')}”）`);
  if (extraCount > 0) parts.push(`重复 ${extraCount} 字（如“${extra.join('')}”）`);
  return parts.join('，');
}
