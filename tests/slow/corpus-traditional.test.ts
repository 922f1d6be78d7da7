import {mkdtemp, readFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {fromHtml} from 'hast-util-from-html';
import {select, selectAll} from 'hast-util-select';
import {toString as textOf} from 'hast-util-to-string';
import JSZip from 'jszip';
import {beforeAll, describe, expect, it} from 'vitest';
import {buildBook} from '../../src/outputs/build-book.js';
import {labelsFor} from '../../src/render/shared/labels.js';
import {type CorpusBook, makeDebianBook} from '../helpers/corpus.js';
import {epubcheck} from '../helpers/epub-tools.js';
import {docxHtml, docxPart} from '../helpers/office.js';
import {allPagesText, fonts, hanCounts, qpdfJson} from '../helpers/pdf-tools.js';
import {areas, type Manuscript, readManuscripts} from '../helpers/sample.js';

// Issue 21, defect 1: a book written in Traditional Chinese — the Debian New Maintainers' Guide
// as translated for Taiwan (maint-guide-zh-tw), text nobody here wrote — was run through
// Simplified → Traditional conversion and came out with characters the translators never
// wrote (了解 → 瞭解, 见 → 見). Now every output holds exactly the Han characters of the
// manuscripts, plus the labels huibian prints, counted.

const labels = labelsFor('zh-TW');

/** Signed differences between two multisets, as `字+1`/`字-2`, sorted; empty when they are equal. */
function difference(expected: Map<string, number>, actual: Map<string, number>): string[] {
  const out: string[] = [];
  for (const char of new Set([...expected.keys(), ...actual.keys()])) {
    const d = (actual.get(char) ?? 0) - (expected.get(char) ?? 0);
    if (d !== 0) out.push(`${char}${d > 0 ? '+' : ''}${d}`);
  }
  return out.sort();
}

/** `texts` counted together. */
const counted = (...texts: string[]) => hanCounts(texts.join(''));

describe('a book written in Traditional Chinese, kept character for character (issue 21)', () => {
  let corpus: CorpusBook;
  let manuscripts: Manuscript[];
  /** The manuscripts' printed fields and bodies: what the translators wrote. */
  let written: string;
  /** 來源：, printed before each article's source. */
  let sourceLabels: string;
  const dir = {root: ''};

  beforeAll(async () => {
    dir.root = await mkdtemp(path.join(os.tmpdir(), 'huibian-tw-'));
    corpus = await makeDebianBook(path.join(dir.root, 'book'), {manuals: ['maint-tw']});
    manuscripts = await readManuscripts(corpus.dir);
    written = manuscripts.map((m) => m.text).join('');
    sourceLabels = manuscripts.map((m) => (m.field('source') ? labels.source : '')).join('');
  });

  for (const writingMode of ['horizontal', 'vertical'] as const) {
    it(`should print ${writingMode}ly exactly the characters written, in TC fonts`, async () => {
      const out = path.join(dir.root, `book-${writingMode}.pdf`);
      const result = await buildBook({bookDir: corpus.dir, format: 'pdf', out, writingMode});
      expect(result.pageCount).toBeGreaterThan(120);
      // No warning that the manuscripts look Simplified.
      expect(result.files.flatMap((f) => f.messages).filter((m) => m.ruleId === 'language')).toEqual([]);

      // The body's pages begin at the first part's page (its bookmark); their text area holds
      // the articles and the part pages (第一部分 and the part's title), without running heads and folios.
      const body = (await qpdfJson(out)).outlines.find((o) => o.title.endsWith(corpus.parts[0]!))!.destpageposfrom1;
      expect(body).toBeGreaterThan(1);
      const pages = (await allPagesText(out, areas.content)).slice(body - 1);
      expect(pages).toHaveLength(result.pageCount! - body + 1);
      const parts = corpus.parts.map((title, i) => labels.part(i + 1) + title).join('');
      expect(difference(counted(written, sourceLabels, parts), counted(...pages))).toEqual([]);

      // The book's faces only: Noto Serif TC and its kin, and the same designs' SC faces for the
      // two characters the TC fonts lack (爲, 査) — no system font, no Type 3.
      const used = await fonts(out);
      expect(used.filter((f) => !/^[A-Z]{6}\+(NotoSerif|NotoSans|LXGWWenKai)/.test(f.name) || f.type !== 'CID TrueType').map((f) => f.name)).toEqual([]);
      expect(used.filter((f) => /TC/.test(f.name)).length).toBeGreaterThan(used.length / 2);
    });
  }

  it('should write an EPUB whose articles hold exactly the characters written, and pass EPUBCheck', async () => {
    const out = path.join(dir.root, 'book.epub');
    await buildBook({bookDir: corpus.dir, format: 'epub', out});
    const zip = await JSZip.loadAsync(await readFile(out));
    const articles = Object.keys(zip.files).filter((name) => /^OEBPS\/a\d+\.xhtml$/.test(name));
    expect(articles).toHaveLength(manuscripts.length);
    const texts = await Promise.all(articles.map(async (name) => textOf(select('body', fromHtml(await zip.file(name)!.async('string')))!)));
    expect(difference(counted(written, sourceLabels), counted(...texts))).toEqual([]);
    const check = await epubcheck(out);
    expect(check.ok, check.report).toBe(true);
  });

  it('should write a Word document whose body holds exactly the characters written, in TC fonts and zh-TW', async () => {
    const out = path.join(dir.root, 'book.docx');
    await buildBook({bookDir: corpus.dir, format: 'docx', out});
    // Read back as an office's Word would be by huibian's own import: from the first part's page on.
    const {html} = await docxHtml(out);
    const text = html.replace(/<[^>]+>/g, '');
    const body = text.slice(text.indexOf(labels.part(1)));
    const parts = corpus.parts.map((title, i) => labels.part(i + 1) + title).join('');
    expect(difference(counted(written, sourceLabels, parts), counted(body))).toEqual([]);
    const styles = await docxPart(out, 'word/styles.xml');
    expect(styles).toContain('w:eastAsia="新細明體"');
    expect(styles).toMatch(/<w:lang [^>]*w:eastAsia="zh-TW"/);
  });

  it('should write an HTML edition whose articles hold exactly the characters written', async () => {
    const out = path.join(dir.root, 'html');
    await buildBook({bookDir: corpus.dir, format: 'html', out});
    const page = fromHtml(await readFile(path.join(out, 'index.html'), 'utf8'));
    const articles = selectAll('article.article', page);
    expect(articles).toHaveLength(manuscripts.length);
    // Articles with notes end with their notes under a heading (註釋).
    const noteHeadings = selectAll('.article-notes-heading', page).map(textOf);
    expect(new Set(noteHeadings)).toEqual(new Set([labels.notes]));
    expect(difference(counted(written, sourceLabels, ...noteHeadings), counted(...articles.map(textOf)))).toEqual([]);
  });
});
