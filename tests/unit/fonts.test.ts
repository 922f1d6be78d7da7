import {readFile, stat} from 'node:fs/promises';
import path from 'node:path';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import type {Book} from '../../src/model/book.js';
import {warnUncovered} from '../../src/lint/font-coverage.js';
import {BODY_FAMILY, FONT_FACES, fontFaceRules, fontSheet, keepUsedFaces, unicodeRanges} from '../../src/render/shared/fonts.js';
import {woff2CodePoints} from '../../src/render/shared/woff2-code-points.js';
import {packageDir} from '../../src/files/package-dir.js';
import {scriptOf} from '../../src/typography/script.js';

describe('fonts', () => {
  it('should rename every face and point every url at a mounted WOFF2 file that exists', async () => {
    for (const script of ['sc', 'tc'] as const) {
      const sheet = await fontSheet(script);
      for (const face of FONT_FACES[script]) expect(sheet.css).toContain(`font-family: '${face.family}'`);
      const urls = [...sheet.css.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!.replace(/['"]/g, ''));
      expect(urls.length).toBeGreaterThan(250);
      expect(urls.every((u) => u.endsWith('.woff2'))).toBe(true);
      for (const url of urls.filter((_, i) => i % 37 === 0)) {
        const [prefix, dir] = [...sheet.mounts].find(([p]) => url.startsWith(p))!;
        expect((await stat(path.join(dir, url.slice(prefix.length)))).isFile()).toBe(true);
      }
    }
  });

  it('should read the code points a WOFF2 font holds from its cmap', async () => {
    // Noto Serif TC's slice 67 declares U+67FA-67FB but holds only 柺 (U+67FA), not 査.
    const slice = await readFile(path.join(packageDir('@fontsource/noto-serif-tc'), 'files', 'noto-serif-tc-67-400-normal.woff2'));
    const points = woff2CodePoints(slice);
    expect(points.has(0x67fa)).toBe(true);
    expect(points.has(0x67fb)).toBe(false);
    expect(points.size).toBeGreaterThan(100);
    expect(() => woff2CodePoints(new Uint8Array(64))).toThrow(/not a WOFF2 font/);
  });

  it('should declare of each face only what its file holds, and fill a script’s gaps from the other’s faces (issue 21)', async () => {
    for (const script of ['sc', 'tc'] as const) {
      const sheet = await fontSheet(script);
      const rules = fontFaceRules(sheet.css);
      const fileOf = (url: string) => {
        const [prefix, dir] = [...sheet.mounts].find(([p]) => url.startsWith(p))!;
        return path.join(dir, url.slice(prefix.length));
      };
      for (const rule of rules.filter((_, i) => i % 29 === 0)) {
        const held = woff2CodePoints(await readFile(fileOf(rule.urls[0]!)));
        const declared = unicodeRanges(rule.text, rule.family).flatMap(([a, b]) => Array.from({length: b - a + 1}, (_, k) => a + k));
        expect(
          declared.filter((point) => !held.has(point)),
          rule.urls[0],
        ).toEqual([]);
      }
      // 爲 and 査, which Traditional text has and Noto Serif TC lacks, come from Noto Serif SC.
      for (const char of '爲査') {
        const faces = rules.filter(
          (r) =>
            r.family === BODY_FAMILY &&
            r.weight === '400' &&
            unicodeRanges(r.text, r.family).some(([a, b]) => a <= char.codePointAt(0)! && char.codePointAt(0)! <= b),
        );
        expect(faces.map((r) => r.urls[0]!.split('/')[1])).toEqual(['song']);
      }
    }
    // The TC sheet's own faces come first for what they hold: 骨 keeps its Traditional form.
    const tc = fontFaceRules((await fontSheet('tc')).css).filter((r) => r.family === BODY_FAMILY && r.weight === '400');
    expect(tc.filter((r) => unicodeRanges(r.text, r.family).some(([a, b]) => a <= 0x9aa8 && 0x9aa8 <= b)).map((r) => r.urls[0]!.split('/')[1])).toEqual([
      'song-tc',
    ]);
  });

  it('should choose Traditional faces for zh-Hant, zh-TW and zh-HK', () => {
    expect(['zh-Hans', 'zh-CN', 'zh', 'zh-Hant', 'zh-TW', 'zh-HK'].map(scriptOf)).toEqual(['sc', 'sc', 'sc', 'tc', 'tc', 'tc']);
  });

  it('should ship TrueType-outline fonts (glyf), which Chromium never embeds as Type 3', async () => {
    for (const script of ['sc', 'tc'] as const) {
      const sheet = await fontSheet(script);
      for (const [prefix, dir] of sheet.mounts) {
        const url = sheet.css.match(new RegExp(`url\\(['"]?(${prefix}[^'")]+)`))![1]!;
        const bytes = await readFile(path.join(dir, url.slice(prefix.length)));
        // WOFF2 header: signature, then the flavor: 0x00010000 is TrueType, 'OTTO' would be CFF.
        expect(bytes.subarray(0, 4).toString('latin1')).toBe('wOF2');
        expect(bytes.readUInt32BE(4)).toBe(0x00010000);
      }
    }
  });

  it('should read unicode ranges and keep only the faces a text needs', () => {
    const css = `@font-face { font-family: 'X'; src: url(a.woff2); unicode-range: U+4E00-4E0F, U+3000; }
@font-face { font-family: 'X'; src: url(b.woff2); unicode-range: U+0041; }`;
    expect(unicodeRanges(css, 'X')).toEqual([
      [0x4e00, 0x4e0f],
      [0x3000, 0x3000],
      [0x41, 0x41],
    ]);
    const kept = keepUsedFaces(css, new Set([0x4e01]));
    expect(kept.urls).toEqual(['a.woff2']);
    expect(kept.css).not.toContain('b.woff2');
  });

  it('should warn at its place about a character the body font lacks', async () => {
    const ranges = unicodeRanges((await fontSheet()).css, BODY_FAMILY);
    const file = new VFile({path: 'a.md'});
    const article = {
      id: 'a1',
      title: 't',
      tags: [],
      file: 'a.md',
      footnotes: [],
      body: {
        type: 'root' as const,
        children: [{type: 'text' as const, value: '汉字Ⅱ汉字Ⅱ', position: {start: {line: 3, column: 2}, end: {line: 3, column: 9}}}],
      },
    };
    warnUncovered({front: [article], parts: []} as unknown as Book, [file], ranges);
    expect(file.messages.map((m) => [m.line, m.ruleId])).toEqual([[3, 'font-coverage']]);
    expect(file.messages[0]?.reason).toContain('U+2161');
  });
});
