import {readFile, rm} from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {buildBook} from '../../src/outputs/build-book.js';
import {makeBook, manuscript} from '../helpers/book.js';
import {allPagesText, pageText, qpdfJson} from '../helpers/pdf-tools.js';

/** What this test reads of a PDF object in qpdf's JSON: a page or a link annotation. */
interface PdfObject {
  '/Annots'?: string[];
  '/MediaBox'?: number[];
  '/A'?: {'/URI'?: string};
  '/Rect'?: number[];
}

const URL = 'https://example.org/a.html';
/** The sentence of issue 21 (defect 4): a URL with Chinese right after it, no space between. */
const SENTENCE = `详见${URL}。下一句话在这里。`;
/** The link and what follows it, as every output's markup must have them. */
const LINKED = new RegExp(`<a href="${URL.replaceAll('.', '\\.')}"[^>]*>[^<]*(?:<wbr ?/?>[^<]*)*</a>。下一句话在这里。`);

describe('a bare URL in Chinese text (issue 21 defect 4)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeBook({'book.yaml': 'title: 网址测试\n', 'manuscripts/a.md': manuscript({title: '网址'}, SENTENCE)});
    for (const format of ['pdf', 'epub', 'html'] as const) {
      await buildBook({bookDir: dir, format, out: path.join(dir, 'build', format === 'html' ? 'html' : `book.${format}`)});
    }
  });
  afterAll(() => rm(dir, {recursive: true, force: true}));

  it('should link the PDF to the URL alone and leave the sentence after it unlinked', async () => {
    const pdf = path.join(dir, 'build', 'book.pdf');
    const json = await qpdfJson(pdf);
    const objects = json.qpdf[1] as Record<string, {value: PdfObject}>;
    const links: Array<{uri: string; text: string}> = [];
    for (const {object, pageposfrom1} of json.pages as Array<{object: string; pageposfrom1: number}>) {
      const page = objects[`obj:${object}`]!.value;
      for (const ref of page['/Annots'] ?? []) {
        const annotation = objects[`obj:${ref}`]!.value;
        const uri = annotation['/A']?.['/URI'];
        if (!uri) continue;
        const [x1, y1, x2, y2] = annotation['/Rect']!;
        // The text under the link's rectangle (PDF points from the bottom; pdftotext's whole points from the top).
        // pdftotext takes a glyph the crop box touches: the box is drawn 1 pt inside the rectangle.
        const [left, top] = [Math.ceil(x1!) + 1, Math.ceil(page['/MediaBox']![3]! - y2!) + 1];
        const [right, bottom] = [Math.floor(x2!) - 1, Math.floor(page['/MediaBox']![3]! - y1!) - 1];
        const text = await pageText(pdf, pageposfrom1, {x: left, y: top, w: right - left, h: bottom - top});
        links.push({uri: uri.replace(/^u:/, ''), text: text.replace(/\s+/g, '')});
      }
    }
    // Chromium annotates each piece the URL's break points cut it into.
    expect(links.length).toBeGreaterThan(0);
    expect(new Set(links.map(({uri}) => uri))).toEqual(new Set([URL]));
    expect(links.map(({text}) => text).join('')).toBe(URL);
    expect((await allPagesText(pdf)).join('')).toContain('。下一句话在这里。');
  });

  it('should link the EPUB and the HTML to the URL alone', async () => {
    const zip = await JSZip.loadAsync(await readFile(path.join(dir, 'build', 'book.epub')));
    const chapters = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => name.endsWith('.xhtml'))
        .map((name) => zip.file(name)!.async('string')),
    );
    expect(chapters.join('')).toMatch(LINKED);
    const html = await readFile(path.join(dir, 'build', 'html', 'index.html'), 'utf8');
    expect(html).toMatch(LINKED);
    expect(html + chapters.join('')).not.toMatch(/%E[0-9A-F]/);
  });
});
