import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {packageDir} from '../../files/package-dir.js';
import {cachedText} from '../../files/user-cache.js';
import type {Script} from '../../typography/script.js';
import {woff2CodePoints} from './woff2-code-points.js';

/**
 * The three faces of a Chinese book (clreq: 宋 for text, 黑 for headings, 楷 for quotes and
 * captions), all TrueType-outline WOFF2 from npm so Chromium embeds CID TrueType subsets,
 * never Type 3, and no system font is needed. Each is sliced by `unicode-range`; the
 * Traditional set has the glyph forms and the characters of Traditional text. A book's faces
 * are its script's, with the other script's same design for the characters they lack (a
 * Traditional text's 爲, 査; a rare Traditional name in a Simplified one).
 */
export const FONT_FACES: Record<Script, Array<{family: string; slug: string; pkg: string; css: string[]; files: string}>> = {
  sc: [
    {family: 'Huibian Song', slug: 'song', pkg: '@fontsource/noto-serif-sc', css: ['400.css', '700.css'], files: 'files'},
    {family: 'Huibian Hei', slug: 'hei', pkg: '@fontsource/noto-sans-sc', css: ['400.css', '700.css'], files: 'files'},
    {family: 'Huibian Kai', slug: 'kai', pkg: 'lxgw-wenkai-webfont', css: ['lxgwwenkai-regular.css'], files: 'files'},
  ],
  tc: [
    {family: 'Huibian Song', slug: 'song-tc', pkg: '@fontsource/noto-serif-tc', css: ['400.css', '700.css'], files: 'files'},
    {family: 'Huibian Hei', slug: 'hei-tc', pkg: '@fontsource/noto-sans-tc', css: ['400.css', '700.css'], files: 'files'},
    {family: 'Huibian Kai', slug: 'kai-tc', pkg: 'lxgw-wenkai-tc-webfont', css: ['lxgwwenkaitc-regular.css'], files: 'files'},
  ],
};

/** Faces and weights the templates use, whose slices are loaded before layout. */
export const FONT_WEIGHTS: Array<[string, number[]]> = [
  ['Huibian Song', [400, 700]],
  ['Huibian Hei', [400, 700]],
  ['Huibian Kai', [400]],
];

/** The family body text is set in. */
export const BODY_FAMILY = 'Huibian Song';

/** A font stylesheet whose `url()`s point below `fonts/<slug>/`, and where those folders are on disk. */
export interface FontSheet {
  css: string;
  /** URL prefix (`fonts/song/`) → folder holding the font files. */
  mounts: Map<string, string>;
}

const cached = new Map<Script, Promise<FontSheet>>();

/** The `@font-face` rules of all faces of a script (and the other script's for what they lack), renamed to the Huibian families (read once per process). */
export function fontSheet(script: Script = 'sc'): Promise<FontSheet> {
  if (!cached.has(script)) cached.set(script, buildFontSheet(script));
  return cached.get(script)!;
}

async function buildFontSheet(script: Script): Promise<FontSheet> {
  const sources = [...FONT_FACES.sc, ...FONT_FACES.tc];
  const mounts = new Map(sources.map((source) => [`fonts/${source.slug}/`, path.join(packageDir(source.pkg), source.files)]));
  // Reading every slice's cmap takes seconds: done once per version of the fonts and of this code.
  const inputs = await Promise.all([
    ...sources.map((source) => readFile(path.join(packageDir(source.pkg), 'package.json'), 'utf8')),
    ...[import.meta.url, new URL('./woff2-code-points.js', import.meta.url).href].map((url) => readFile(fileURLToPath(url), 'utf8').catch(() => url)),
  ]);
  const css = await cachedText(`fonts-${script}`, [script, ...inputs], () => faceRules(script));
  // Only the folders the rules use: the other script's may have nothing to fill in.
  return {css, mounts: new Map([...mounts].filter(([prefix]) => css.includes(`url(${prefix}`)))};
}

/** The rules of {@link fontSheet}, from the fonts' own stylesheets and files. */
async function faceRules(script: Script): Promise<string> {
  const parts: string[] = [];
  const other = FONT_FACES[script === 'sc' ? 'tc' : 'sc'];
  for (const [role, face] of FONT_FACES[script].entries()) {
    // Per weight, what the script's own face holds: the other script's face fills in only the rest.
    const held = new Map<string, Set<number>>();
    for (const [source, own] of [
      [face, true],
      [other[role]!, false],
    ] as const) {
      const dir = packageDir(source.pkg);
      for (const name of source.css) {
        for (const rule of fontFaceRules(await readFile(path.join(dir, name), 'utf8'))) {
          const file = rule.urls.find((url) => url.endsWith('.woff2'));
          if (!file) continue;
          const has = held.get(rule.weight) ?? new Set<number>();
          held.set(rule.weight, has);
          const ranges = unicodeRanges(rule.text, rule.family);
          const points = [...woff2CodePoints(await readFile(path.join(dir, source.files, path.basename(file))))].filter(
            (point) => ranges.some(([start, end]) => point >= start && point <= end) && (own || !has.has(point)),
          );
          if (own) for (const point of points) has.add(point);
          if (points.length > 0) parts.push(faceRule(rule, face.family, `fonts/${source.slug}/${path.basename(file)}`, points));
        }
      }
    }
  }
  return parts.join('\n');
}

/**
 * A rule of a font package as huibian declares it: the Huibian family, the one WOFF2 file, and
 * a `unicode-range` of exactly the code points the file holds, so that Chromium never picks a
 * face for a character it lacks (it would then take a system font).
 */
function faceRule(rule: FontFaceRule, family: string, url: string, points: number[]): string {
  const style = /font-style:\s*(\w+)/.exec(rule.text)?.[1] ?? 'normal';
  return `@font-face {
  font-family: '${family}';
  font-style: ${style};
  font-weight: ${rule.weight};
  src: url(${url}) format('woff2');
  unicode-range: ${rangeList(points)};
}`;
}

/** Code points as a `unicode-range` list: `U+4E00-4E05,U+4E07`. */
function rangeList(points: number[]): string {
  const sorted = [...points].sort((a, b) => a - b);
  const items: string[] = [];
  const hex = (point: number) => point.toString(16).toUpperCase();
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    items.push(j > i ? `U+${hex(sorted[i]!)}-${hex(sorted[j]!)}` : `U+${hex(sorted[i]!)}`);
    i = j + 1;
  }
  return items.join(',');
}

/** The families as CSS custom properties, so templates say `var(--font-song)`. */
export const FONT_VARIABLES = `:root {
  --font-song: 'Huibian Song', serif;
  --font-hei: 'Huibian Hei', 'Huibian Song', sans-serif;
  --font-kai: 'Huibian Kai', 'Huibian Song', serif;
}`;

/** One `@font-face` rule of a font stylesheet. */
export interface FontFaceRule {
  /** The rule as written. */
  text: string;
  family: string;
  weight: string;
  /** Its `src` URLs, in order. */
  urls: string[];
  /** Its `unicode-range` as written, if it has one. */
  range?: string;
}

/** The `@font-face` rules of a stylesheet (the one place that reads them). */
export function fontFaceRules(css: string): FontFaceRule[] {
  return (css.match(/@font-face\s*{[^}]*}/g) ?? []).map((text) => ({
    text,
    family: /font-family:\s*'([^']+)'/.exec(text)?.[1] ?? '',
    weight: /font-weight:\s*(\d+)/.exec(text)?.[1] ?? '400',
    urls: [...text.matchAll(/url\((['"]?)([^'")]+)\1\)/g)].map((match) => match[2]!),
    range: /unicode-range:\s*([^;}]+)/.exec(text)?.[1]?.trim(),
  }));
}

/** The `unicode-range` lists of `family`'s rules in a font stylesheet, as [start, end] code point pairs (all of Unicode for a rule without one). */
export function unicodeRanges(css: string, family: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const rule of fontFaceRules(css)) {
    if (rule.family !== family) continue;
    if (!rule.range) return [[0, 0x10ffff]];
    for (const item of rule.range.split(',')) {
      const [from, to] = item.trim().replace(/^U\+/i, '').split('-');
      const start = Number.parseInt(from!.replace(/\?/g, '0'), 16);
      const end = to ? Number.parseInt(to, 16) : Number.parseInt(from!.replace(/\?/g, 'F'), 16);
      ranges.push([start, end]);
    }
  }
  return ranges;
}

/**
 * Keep the `@font-face` rules whose `unicode-range` covers a used code point (rules without
 * a range always stay), and list the font URLs they reference: a site copies only those
 * files, and a Paged.js print page loads only those faces (it loads every face declared).
 */
export function keepUsedFaces(css: string, used: Set<number>): {css: string; urls: string[]} {
  return faceSheet(css).keep(used);
}

/**
 * A font stylesheet read once, to keep the faces of several texts ({@link keepUsedFaces}):
 * each chunk of a book gets its own sheet from the same half megabyte.
 */
export function faceSheet(css: string): {keep(used: Set<number>): {css: string; urls: string[]}} {
  const rules = fontFaceRules(css).map((rule) => ({rule, ranges: unicodeRanges(rule.text, rule.family)}));
  return {
    keep(used) {
      const points = [...used].sort((a, b) => a - b);
      // Is any used code point in [start, end]? The first one at or after `start`, by bisection.
      const hit = ([start, end]: [number, number]) => {
        let low = 0;
        let high = points.length;
        while (low < high) {
          const middle = (low + high) >> 1;
          if (points[middle]! < start) low = middle + 1;
          else high = middle;
        }
        return low < points.length && points[low]! <= end;
      };
      const urls: string[] = [];
      const unused = new Set<string>();
      for (const {rule, ranges} of rules) {
        if (ranges.some(hit)) urls.push(...rule.urls);
        else unused.add(rule.text);
      }
      // One pass over the sheet: not one search per rule left out.
      const kept = css.replace(/@font-face\s*{[^}]*}/g, (text) => (unused.has(text) ? '' : text));
      return {css: kept.replace(/\n{3,}/g, '\n\n'), urls};
    },
  };
}

/** The code points `texts` use (a book's text is megabytes: read by index, not split into strings). */
export function codePointsOf(...texts: string[]): Set<number> {
  const points = new Set<number>();
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const point = text.codePointAt(i)!;
      points.add(point);
      if (point > 0xffff) i++;
    }
  }
  return points;
}

/** Does a font with these unicode ranges have `char` (control characters count as had)? Answers are remembered: a book asks millions of times. */
export function coveredBy(ranges: Array<[number, number]>): (char: string) => boolean {
  const known = new Map<number, boolean>();
  return (char) => {
    const point = char.codePointAt(0)!;
    let covered = known.get(point);
    if (covered === undefined) {
      covered = point < 0x20 || ranges.some(([a, b]) => point >= a && point <= b);
      known.set(point, covered);
    }
    return covered;
  };
}
