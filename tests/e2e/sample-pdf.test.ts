import {readFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {PDFDocument, PDFName, PDFString} from 'pdf-lib';
import {beforeAll, describe, expect, it} from 'vitest';
import {buildBook} from '../../src/outputs/build-book.js';
import {allPagesText, fonts, hanCounts, missingHan, pageText, pdfInfo, qpdfCheck, qpdfJson, type QpdfJson} from '../helpers/pdf-tools.js';
import {areas, readManuscripts, root, sampleTitle, squash, type Manuscript} from '../helpers/sample.js';

const out = path.join(os.tmpdir(), `huibian-sample-${process.pid}.pdf`);

let pages: string[];
let json: QpdfJson;
let manuscripts: Manuscript[];
let bookTitle: string;
let bodyStart: number;

describe('the sample report as a horizontal PDF', () => {
  beforeAll(async () => {
    const result = await buildBook({bookDir: root, format: 'pdf', out});
    expect(result.pageCount).toBeGreaterThan(30);
    pages = await allPagesText(out);
    json = await qpdfJson(out);
    manuscripts = await readManuscripts();
    bookTitle = await sampleTitle();
    bodyStart = json.pagelabels.find((l) => l.label['/S'] === '/D')!.index;
  });

  it('should pass qpdf --check', async () => {
    const check = await qpdfCheck(out);
    expect(check.output).toContain('No syntax or stream encoding errors');
    expect(check.ok).toBe(true);
  });

  it('should embed every font, none of them Type 3', async () => {
    const list = await fonts(out);
    expect(list.length).toBeGreaterThan(0);
    expect(list.filter((f) => f.type.includes('Type 3'))).toEqual([]);
    expect(list.filter((f) => !f.embedded)).toEqual([]);
    // Only the book's own fonts: no system fallback (DejaVu, Droid, Liberation …).
    const families = new Set(list.map((f) => f.name.replace(/^[A-Z]{6}\+/, '').replace(/-.*$/, '')));
    expect([...families].sort()).toEqual(['LXGWWenKai', 'NotoSansSCThin', 'NotoSerifSCExtraLight']);
  });

  it('should carry title, author, creator and language', async () => {
    const info = await pdfInfo(out);
    expect(info.Title).toBe(bookTitle);
    expect(info.Creator).toBe('huibian');
    expect(info.Author).toBeTruthy();
    const doc = await PDFDocument.load(await readFile(out), {updateMetadata: false});
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('zh-Hans');
  });

  it('should label front matter in roman numerals and the body from 1', () => {
    expect(json.pagelabels[0]).toEqual({index: 0, label: {'/S': '/r', '/St': 1}});
    expect(bodyStart).toBeGreaterThan(2);
    expect(bodyStart % 2).toBe(0); // page 1 is a right-hand page (odd physical page)
  });

  it('should have one bookmark per part and per article, pointing at their pages', () => {
    const titles = json.outlines.flatMap((o) => [o.title, ...o.kids.map((k) => k.title)]);
    for (const m of manuscripts) expect(titles).toContain(m.title);
    const parts = new Set(manuscripts.map((m) => m.part).filter(Boolean));
    const partItems = json.outlines.filter((o) => o.kids.length > 0);
    expect(partItems.length).toBe(parts.size);
    for (const item of json.outlines.flatMap((o) => [o, ...o.kids])) {
      if (item.title === '目录') continue;
      const plain = item.title.replace(/^第.+部分\u3000/, '');
      expect(squash(pages[item.destpageposfrom1 - 1]!)).toContain(squash(plain));
    }
  });

  it('should print, for every TOC entry, the folio of the page that opens the article', async () => {
    const tocIndex = pages.findIndex((p) => squash(p).startsWith('目录'));
    expect(tocIndex).toBeGreaterThan(0);
    const entries = tocEntries(pages.slice(tocIndex, bodyStart).join('\n'));
    for (const m of manuscripts) {
      const folio = entries.get(squash(m.title));
      expect(folio, `TOC entry for ${m.title}`).toBeDefined();
      const physical = bodyStart + folio!; // 1-based page whose label is `folio`
      const body = await pageText(out, physical, areas.content);
      expect(squash(body).startsWith(squash(m.title)), `${m.title} on page ${folio}`).toBe(true);
      const foot = await pageText(out, physical, areas.foot);
      expect(foot.trim()).toBe(String(folio));
    }
  });

  it('should put running heads on body pages: book title on the left, article title on the right', async () => {
    let checked = 0;
    for (let page = bodyStart + 2; page <= pages.length; page++) {
      const body = squash(await pageText(out, page, areas.content));
      const head = squash(await pageText(out, page, areas.head));
      // The back matter's sections (大事记, 索引) open like articles and carry their titles as heads.
      const titles = [...manuscripts.map((m) => squash(m.title)), '大事记', '索引'];
      if (!body || titles.some((title) => body.startsWith(title))) continue; // blank or opening page
      if (/^第.+部分/.test(body)) continue; // part page
      if (page % 2 === 0) expect(head, `page ${page}`).toBe(squash(bookTitle));
      else expect(titles, `page ${page}: ${head}`).toContain(head);
      checked++;
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('should number footnotes anew on every page', () => {
    // The sample has two notes, in two articles: each is ① at its call and at the page foot.
    const text = pages.join('');
    expect(text.match(/①/g)).toHaveLength(4);
    expect(text).not.toContain('②');
  });

  it('should keep every Han character of the manuscripts in the page bodies', async () => {
    const expected = hanCounts(manuscripts.map((m) => m.text).join(''));
    const printed: string[] = [];
    for (let page = bodyStart + 1; page <= pages.length; page++) printed.push(await pageText(out, page, areas.content));
    const missing = missingHan(expected, hanCounts(printed.join('')));
    expect(missing).toEqual([]);
  });
});

/** TOC lines as pdftotext gives them: an entry's title (maybe over several lines), then its folio alone on a line. */
function tocEntries(text: string): Map<string, number> {
  const entries = new Map<string, number>();
  let title = '';
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    if (/^\d+$/.test(line)) {
      entries.set(squash(title), Number(line));
      title = '';
    } else {
      title = (title + line).replace(/^目\s*录/, ''); // the heading, letter-spaced
    }
  }
  return entries;
}
