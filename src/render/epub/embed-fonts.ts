import {readFile} from 'node:fs/promises';
import path from 'node:path';
import subsetFont from 'subset-font';
import {stopIfCancelled} from '../../report/cancel.js';
import type {Script} from '../../typography/script.js';
import {codePointsOf, fontFaceRules, fontSheet, unicodeRanges} from '../shared/fonts.js';
import type {EpubFile} from './documents.js';

/** Fonts to put into the EPUB, and the CSS that declares them. */
export interface EmbeddedFonts {
  files: EpubFile[];
  css: string;
  /** Total bytes of the font files. */
  bytes: number;
}

/**
 * Subset the book's fonts to exactly the characters the EPUB uses (harfbuzz through
 * subset-font, keeping every OpenType layout feature: vert, vrt2, halt, vhal …), one file per
 * font slice that holds any of them, declared with the slice's unicode-range. Seconds on a
 * long book: `signal` cancels it between slices.
 */
export async function embedFonts(script: Script, text: string, signal?: AbortSignal): Promise<EmbeddedFonts> {
  const sheet = await fontSheet(script);
  const used = [...codePointsOf(text)];
  const files: EpubFile[] = [];
  const rules: string[] = [];
  let bytes = 0;
  for (const rule of fontFaceRules(sheet.css)) {
    const {family, weight, range} = rule;
    const url = rule.urls[0];
    if (!family || !url) continue;
    const ranges = unicodeRanges(rule.text, family);
    const chars = used.filter((point) => ranges.some(([a, b]) => point >= a && point <= b));
    if (chars.length === 0) continue;
    const mount = [...sheet.mounts].find(([prefix]) => url.startsWith(prefix));
    if (!mount) continue;
    await stopIfCancelled(signal);
    const source = await readFile(path.join(mount[1], url.slice(mount[0].length)));
    const subset = await subsetFont(source, String.fromCodePoint(...chars), {targetFormat: 'woff2'});
    const href = `fonts/${path.basename(url)}`;
    files.push({href, id: `font-${files.length + 1}`, mediaType: 'font/woff2', content: subset});
    bytes += subset.length;
    rules.push(
      `@font-face { font-family: '${family}'; font-weight: ${weight}; src: url('${href}') format('woff2');${range ? ` unicode-range: ${range};` : ''} }`,
    );
  }
  const css = `${rules.join('\n')}
:root, :root:lang(zh-Hant), :root:lang(zh-TW), :root:lang(zh-HK) {
  --font-song: 'Huibian Song', serif;
  --font-hei: 'Huibian Hei', 'Huibian Song', sans-serif;
  --font-kai: 'Huibian Kai', 'Huibian Song', serif;
}
`;
  return {files, css, bytes};
}
