import {readFile} from 'node:fs/promises';
import {PDFDocument, PDFName, PDFString} from 'pdf-lib';
import {beforeAll, describe, expect, it} from 'vitest';
import {allPagesText, bodyLeftEdges, fonts, hanCounts, missingHan, pdfInfo, qpdfCheck, qpdfJson, type QpdfJson, wordBoxes} from '../helpers/pdf-tools.js';
import {charactersInTwoSubsets, contentText, headingsOutOfOrder, structElements, typingProblems, unmarkedPainting} from '../helpers/pdf-structure.js';
import {areas, han, readManuscripts, sampleTitle, squash, type Manuscript} from '../helpers/sample.js';
import {sharedSample} from '../helpers/shared-sample.js';

let out: string;
let pages: string[];
/** Each page's text area, running head band and folio band (index 0: page 1). */
let bodies: string[];
let heads: string[];
let feet: string[];
let json: QpdfJson;
let manuscripts: Manuscript[];
let bookTitle: string;
let bodyStart: number;

describe('the sample report as a horizontal PDF', () => {
  beforeAll(async () => {
    out = await sharedSample('pdf');
    pages = await allPagesText(out);
    expect(pages.length).toBeGreaterThan(30);
    [bodies, heads, feet] = await Promise.all([areas.content, areas.head, areas.foot].map((area) => allPagesText(out, area)));
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

  it('should print, for every TOC entry, the folio of the page that opens the article', () => {
    const tocIndex = pages.findIndex((p) => squash(p).startsWith('目录'));
    expect(tocIndex).toBeGreaterThan(0);
    const entries = tocEntries(pages.slice(tocIndex, bodyStart).join('\n'));
    for (const m of manuscripts) {
      const folio = entries.get(squash(m.title));
      expect(folio, `TOC entry for ${m.title}`).toBeDefined();
      const physical = bodyStart + folio!; // 1-based page whose label is `folio`
      expect(squash(bodies[physical - 1]!).startsWith(squash(m.title)), `${m.title} on page ${folio}`).toBe(true);
      expect(feet[physical - 1]!.trim()).toBe(String(folio));
    }
  });

  it('should put running heads on body pages: book title on the left, article title on the right', () => {
    let checked = 0;
    for (let page = bodyStart + 2; page <= pages.length; page++) {
      const body = squash(bodies[page - 1]!);
      const head = squash(heads[page - 1]!);
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

  it('should set every page’s text at its own side’s margin', async () => {
    const pages = await wordBoxes(out);
    const {bodyStart} = {bodyStart: pages.findIndex((words) => words.some((w) => w.text.startsWith('前言')))};
    expect(bodyStart).toBeGreaterThan(0);
    const edges = bodyLeftEdges(pages, bodyStart);
    expect(edges.filter(({page, left}) => left !== (page % 2 === 1 ? 18 : 15))).toEqual([]);
    expect(edges.length).toBeGreaterThan(20);
  });

  it('should number footnotes anew on every page', () => {
    // The sample has two notes, in two articles: each is ① at its call and at the page foot.
    const text = pages.join('');
    expect(text.match(/①/g)).toHaveLength(4);
    expect(text).not.toContain('②');
  });

  it('should be tagged: every article’s title a heading, in book order, and the text of the pages in its structure', async () => {
    expect((await pdfInfo(out)).Tagged).toBe('yes');
    const elements = await structElements(out);
    // The articles in book order: as the bookmarks list them.
    const titles = new Set(manuscripts.map((m) => m.title));
    const inOrder = json.outlines.flatMap((o) => [o.title, ...o.kids.map((k) => k.title)]).filter((title) => titles.has(title));
    expect(inOrder).toHaveLength(manuscripts.length);
    expect(headingsOutOfOrder(elements, inOrder, squash)).toEqual([]);
    // Han characters in the content elements against the pages' text areas.
    const tagged = han(contentText(elements)).length;
    const printed = han(bodies.join('')).length;
    expect(tagged / printed).toBeGreaterThanOrEqual(0.999);
    expect(tagged / printed).toBeLessThanOrEqual(1.001);
    // What Chromium cannot type is typed: the contents (an entry for each article), the two notes, the index; every figure has its text.
    expect(await typingProblems(out, elements, {articles: manuscripts.length, notes: 2})).toEqual([]);
  });

  it('should mark everything outside its structure as an artifact: running heads, folios, rules', async () => {
    expect(await unmarkedPainting(out)).toBe(0);
    // The root element's text: all the structure's, once.
    const tagged = (await structElements(out))[0]!.text;
    // The running head on a verso is the book's title: on its title pages only, never from the heads.
    expect(tagged.split(bookTitle).length - 1).toBeLessThanOrEqual(3);
  });

  it('should embed each font slice once: no character in two subsets of one font', async () => {
    expect(await charactersInTwoSubsets(out)).toEqual({});
  });

  it('should keep every Han character of the manuscripts in the page bodies', () => {
    const expected = hanCounts(manuscripts.map((m) => m.text).join(''));
    const printed = bodies.slice(bodyStart);
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
