import {mkdir, mkdtemp, readFile, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import JSZip from 'jszip';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {buildBook} from '../../src/outputs/build-book.js';
import {launchBrowser} from '../../src/render/pdf/browser.js';
import {epubcheck} from '../helpers/epub-tools.js';
import {hanCounts, missingHan} from '../helpers/pdf-tools.js';
import {readManuscripts} from '../helpers/sample.js';
import {sampleDir, sharedSample} from '../helpers/shared-sample.js';
import {makeBook, smallBook} from '../helpers/book.js';

/** The run's shared EPUB of the sample in `writingMode`. */
const shared = (writingMode: 'horizontal' | 'vertical') => sharedSample(writingMode === 'vertical' ? 'vertical-epub' : 'epub');

/** Another horizontal EPUB of the sample, built here. */
const build = async (name: string) => {
  const out = path.join(os.tmpdir(), `huibian-${name}-${process.pid}.epub`);
  await buildBook({bookDir: sampleDir(), format: 'epub', out});
  return out;
};

describe('the sample report as EPUB 3', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  for (const writingMode of ['horizontal', 'vertical'] as const) {
    it(`should pass EPUBCheck with no error and no warning, ${writingMode}`, async () => {
      const out = await shared(writingMode);
      const check = await epubcheck(out);
      expect(check.report).toContain('No errors or warnings detected');
      expect(check.ok).toBe(true);
      const zip = await JSZip.loadAsync(await readFile(out));
      // The container's rules: mimetype first, stored.
      expect(Object.keys(zip.files)[0]).toBe('mimetype');
      const opf = await zip.file('OEBPS/content.opf')!.async('string');
      expect(opf).toContain(`page-progression-direction="${writingMode === 'vertical' ? 'rtl' : 'ltr'}"`);
      expect(opf).toContain('<dc:language>zh-Hans</dc:language>');
      expect(opf).toMatch(/<dc:identifier id="book-id">urn:uuid:[0-9a-f-]{36}<\/dc:identifier>/);
      if (writingMode === 'vertical') expect(opf).toContain('<meta name="primary-writing-mode" content="vertical-rl"/>');
    });
  }

  it('should build byte for byte the same twice, and follow SOURCE_DATE_EPOCH', async () => {
    // The run's shared EPUB, built by whichever test process asked first, and one built here.
    const a = await readFile(await shared('horizontal'));
    const b = await readFile(await build('repro-b'));
    expect(Buffer.compare(a, b)).toBe(0);
    vi.stubEnv('SOURCE_DATE_EPOCH', '1767225600');
    const dated = await JSZip.loadAsync(await readFile(await build('repro-c')));
    expect(await dated.file('OEBPS/content.opf')!.async('string')).toContain('<meta property="dcterms:modified">2026-01-01T00:00:00Z</meta>');
  });

  it('should hold every Han character of the manuscripts, notes as pop-up footnotes', async () => {
    const zip = await JSZip.loadAsync(await readFile(await shared('horizontal')));
    const chapters = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /OEBPS\/a\d+\.xhtml$/.test(n))
        .map((n) => zip.file(n)!.async('string')),
    );
    const text = chapters.join('').replace(/<[^>]+>/g, '');
    const manuscripts = await readManuscripts();
    expect(missingHan(hanCounts(manuscripts.map((m) => m.text).join('')), hanCounts(text))).toEqual([]);
    expect(chapters.join('')).toContain('epub:type="noteref"');
    expect(chapters.join('')).toContain('epub:type="footnote"');
  });

  it('should embed font subsets covering the text when asked, and stay valid', async () => {
    const dir = await makeBook(smallBook({'book.yaml': 'title: 测试村年鉴\nparts:\n  - 村务\n  - 生活\nepub:\n  embedFonts: true\n'}));
    const out = path.join(dir, 'book.epub');
    await buildBook({bookDir: dir, format: 'epub', out});
    expect((await epubcheck(out)).ok).toBe(true);
    const zip = await JSZip.loadAsync(await readFile(out));
    const fonts = Object.keys(zip.files).filter((n) => n.startsWith('OEBPS/fonts/') && n.endsWith('.woff2'));
    expect(fonts.length).toBeGreaterThan(3);
    const css = await zip.file('OEBPS/style.css')!.async('string');
    for (const font of fonts) expect(css).toContain(`url('${font.slice('OEBPS/'.length)}')`);
    expect(css).toContain("--font-song: 'Huibian Song', serif;");
  });

  it('should lay a vertical chapter out vertically in Chromium (its own XHTML and CSS)', async () => {
    const zip = await JSZip.loadAsync(await readFile(await shared('vertical')));
    // Unpacked as a reading system would, so the chapter is parsed as XHTML and links its CSS.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'huibian-epub-'));
    for (const [name, entry] of Object.entries(zip.files)) {
      if (entry.dir) continue;
      await mkdir(path.dirname(path.join(dir, name)), {recursive: true});
      await writeFile(path.join(dir, name), await entry.async('uint8array'));
    }
    const session = await launchBrowser();
    try {
      const page = await session.browser.newPage();
      await page.setViewport({width: 600, height: 800});
      await page.goto(pathToFileURL(path.join(dir, 'OEBPS', 'a002.xhtml')).href);
      const layout = await page.evaluate(() => {
        const p = document.querySelector('section p')!;
        const rect = p.getBoundingClientRect();
        return {
          mode: getComputedStyle(document.documentElement).writingMode,
          tall: rect.height > rect.width,
          scrolls: document.documentElement.scrollWidth > innerWidth,
        };
      });
      expect(layout).toEqual({mode: 'vertical-rl', tall: true, scrolls: true});
    } finally {
      await session.close();
    }
  });
});
