import {execFile} from 'node:child_process';
import {mkdir, readFile, stat} from 'node:fs/promises';
import path from 'node:path';
import {promisify} from 'node:util';
import {PDFDocument, PDFDict, PDFName} from 'pdf-lib';
import {beforeAll, describe, expect, it} from 'vitest';
import {
  allPagesText,
  bookmarkPages,
  fonts,
  hanCounts,
  missingHan,
  pdfInfo,
  qpdfCheck,
  qpdfJson,
  verticalColumns,
  wordBoxes,
  type QpdfJson,
  type Word,
} from '../helpers/pdf-tools.js';
import {drawnTexts} from '../../src/render/pdf/drawn-text.js';
import {pdfPageTexts} from '../../src/render/pdf/text-check.js';
import {readPageLines} from '../helpers/page-lines.js';
import {charactersInTwoSubsets, contentText, headingsOutOfOrder, structElements, typingProblems, unmarkedPainting} from '../helpers/pdf-structure.js';
import {areas, han, readManuscripts, root, sampleTitle, type Manuscript} from '../helpers/sample.js';
import {sharedSample} from '../helpers/shared-sample.js';
import {earlyEnds, pageColumns, sectionPages} from '../helpers/vertical-pages.js';

let out: string;
const MM = 72 / 25.4;
const run = promisify(execFile);

let words: Word[][];
let json: QpdfJson;
let manuscripts: Manuscript[];
let bookTitle: string;
let bodyStart: number; // 0-based index of folio 1

/** Han characters of the columns a page starts with (its opening title, on an opening page). */
const opening = (page: number) =>
  han(
    verticalColumns(words[page]!.filter((w) => inContent(w)))
      .slice(0, 2)
      .join(''),
  );
const inContent = (w: Word) => w.yMin >= 18 * MM - 1 && w.yMax <= 595 - 18 * MM + 1;

describe('the sample report as a vertical (竖排) PDF', () => {
  beforeAll(async () => {
    out = await sharedSample('vertical-pdf');
    words = await wordBoxes(out);
    expect(words.length).toBeGreaterThan(30);
    json = await qpdfJson(out);
    manuscripts = await readManuscripts();
    bookTitle = await sampleTitle();
    bodyStart = json.pagelabels.find((l) => l.label['/S'] === '/D')!.index;
  });

  it('should pass qpdf --check with only the book fonts, none Type 3', async () => {
    expect((await qpdfCheck(out)).ok).toBe(true);
    const list = await fonts(out);
    expect(list.filter((f) => f.type.includes('Type 3') || !f.embedded)).toEqual([]);
    expect(new Set(list.map((f) => f.name.replace(/^[A-Z]{6}\+/, '').replace(/-.*$/, '')))).toEqual(
      new Set(['LXGWWenKai', 'NotoSansSCThin', 'NotoSerifSCExtraLight']),
    );
  });

  it('should read right to left: /Direction /R2L, page 1 a left-hand page, folio 1 on a recto', async () => {
    const doc = await PDFDocument.load(await readFile(out), {updateMetadata: false});
    const prefs = doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(String(prefs.get(PDFName.of('Direction')))).toBe('/R2L');
    expect(bodyStart % 2).toBe(0);
    // Recto pages (odd) have the spine on the right: folio and running head sit at the outer, left edge.
    let folios = 0;
    for (let page = bodyStart; page < words.length; page++) {
      const folio = words[page]!.find((w) => w.yMin > 595 - 18 * MM && /^\d+$/.test(w.text));
      if (!folio) continue; // blank and part pages have none
      expect(Number(folio.text)).toBe(page - bodyStart + 1);
      if (page % 2 === 0) expect(folio.xMax, `recto ${page + 1}`).toBeLessThan(210);
      else expect(folio.xMin, `verso ${page + 1}`).toBeGreaterThan(210);
      folios++;
    }
    expect(folios).toBeGreaterThan(30);
  });

  it('should keep every Han character of the manuscripts, as a multiset', async () => {
    const texts = (await allPagesText(out, areas.content)).slice(bodyStart);
    expect(missingHan(hanCounts(manuscripts.map((m) => m.text).join('')), hanCounts(texts.join('')))).toEqual([]);
  });

  it('should draw no glyph outside the text area but running heads and folios', () => {
    const left = 15 * MM - 1;
    const right = 420 - 15 * MM + 1;
    for (const [index, page] of words.entries()) {
      if (index < bodyStart) continue;
      for (const word of page) {
        if (!inContent(word)) continue; // the head and folio bands
        expect(word.xMin >= left && word.xMax <= right, `page ${index + 1}: “${word.text}” at x ${word.xMin.toFixed(0)}–${word.xMax.toFixed(0)}`).toBe(true);
      }
    }
  });

  it('should print for every TOC entry the folio of the page that opens the article', () => {
    const tocPages = words.slice(0, bodyStart).map((page) => verticalColumns(page.filter(inContent)));
    const toc = tocPages.find((columns) => columns.some((c) => han(c) === '目录'));
    expect(toc).toBeDefined();
    const entries = new Map(tocPages.flat().map((column) => [han(column), Number(/(\d+)$/.exec(column)?.[1])]));
    for (const m of manuscripts) {
      const folio = entries.get(han(m.title));
      expect(folio, `TOC entry for ${m.title}`).toBeGreaterThan(0);
      expect(opening(bodyStart + folio! - 1).startsWith(han(m.title)), `${m.title} on folio ${folio}`).toBe(true);
    }
  });

  // Issue 21: a page of the contents, the chronology or the index that goes on overleaf is full.
  it('should fill every page of the contents, chronology and index that goes on overleaf', async () => {
    const pages = pageColumns(await readPageLines(out, {writingMode: 'vertical'}));
    const bookmarks = bookmarkPages(json.outlines);
    for (const title of ['目录', '大事记', '索引']) {
      const section = sectionPages(pages, bookmarks, title);
      expect(section.length, title).toBeGreaterThanOrEqual(2);
      expect(earlyEnds(section), title).toEqual([]);
    }
  });

  it('should be tagged in reading order: every article’s title a heading, in book order, and the text of the pages in its structure', async () => {
    expect((await pdfInfo(out)).Tagged).toBe('yes');
    const elements = await structElements(out);
    const titles = new Set(manuscripts.map((m) => m.title));
    const inOrder = json.outlines.flatMap((o) => [o.title, ...o.kids.map((k) => k.title)]).filter((title) => titles.has(title));
    expect(inOrder).toHaveLength(manuscripts.length);
    // Compared by their Han characters: the structure holds vertical forms of the punctuation.
    expect(headingsOutOfOrder(elements, inOrder, han)).toEqual([]);
    const tagged = han(contentText(elements)).length;
    // What the pages print but their running heads: the front matter has none (the cover is printed edge to edge).
    const [whole, content] = await Promise.all([allPagesText(out), allPagesText(out, areas.content)]);
    const printed = han([...whole.slice(0, bodyStart), ...content.slice(bodyStart)].join('')).length;
    expect(tagged / printed).toBeGreaterThanOrEqual(0.999);
    expect(tagged / printed).toBeLessThanOrEqual(1.001);
    // What Chromium cannot type is typed: the contents (an entry for each article), the two notes, the index; every figure has its text.
    expect(await typingProblems(out, elements, {articles: manuscripts.length, notes: 2})).toEqual([]);
  });

  it('should mark the running heads, folios and rules as artifacts and embed each font slice once', async () => {
    expect(await unmarkedPainting(out)).toBe(0);
    expect(await charactersInTwoSubsets(out)).toEqual({});
  });

  it('should put running heads on body pages: article title on rectos, book title on versos', async () => {
    const [pages, heads] = await Promise.all([allPagesText(out), allPagesText(out, areas.head)]);
    let checked = 0;
    // The back matter's sections (大事记, 索引) open like articles and carry their titles as heads.
    const titles = [...manuscripts.map((m) => han(m.title)), '大事记', '索引'];
    for (let index = bodyStart; index < pages.length; index++) {
      const head = han(heads[index]!);
      if (!han(pages[index]!) || titles.some((title) => opening(index).startsWith(title))) {
        expect(head, `no head on blank or opening page ${index + 1}`).toBe('');
        continue;
      }
      if (!head) continue; // a part page
      if (index % 2 === 1) expect(head).toBe(han(bookTitle));
      else expect(titles).toContain(head);
      checked++;
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('should render sample pages to PNG (tests/output/) for a person to look at', async () => {
    const dir = path.join(root, 'tests', 'output');
    await mkdir(dir, {recursive: true});
    const first = bodyStart + 1;
    for (const page of [1, first - 2, first, first + 1]) {
      await run('pdftoppm', ['-r', '50', '-png', '-singlefile', '-f', String(page), '-l', String(page), out, path.join(dir, `vertical-${page}`)]);
      // A printed page at 50 dpi is well over 5 kB; a blank one is about 1 kB.
      expect((await stat(path.join(dir, `vertical-${page}.png`))).size).toBeGreaterThan(5000);
    }
  });

  it('should have a sane page count against the horizontal book, and bookmarks for every part and article', () => {
    expect(words.length).toBeGreaterThan(40);
    expect(words.length).toBeLessThan(90);
    const titles = json.outlines.flatMap((o) => [o.title, ...o.kids.map((k) => k.title)]);
    for (const m of manuscripts) expect(titles).toContain(m.title);
  });

  // The vertical book's print is checked against its text by reading its content streams
  // (drawn-text.ts), pdf.js only if that finds text missing: both must read the same.
  it('should draw on every page the Han characters pdf.js reads there', async () => {
    const bytes = new Uint8Array(await readFile(out));
    const fast = drawnTexts(await PDFDocument.load(bytes));
    const slow = await pdfPageTexts(bytes);
    expect(fast).toHaveLength(slow.length);
    const differing = fast.flatMap((text, i) =>
      missingHan(hanCounts(slow[i]!), hanCounts(text)).length + missingHan(hanCounts(text), hanCounts(slow[i]!)).length > 0 ? [i + 1] : [],
    );
    expect(differing).toEqual([]);
    expect(fast.join('').match(/\p{Script=Han}/gu)!.length).toBeGreaterThan(10_000);
  });
});
