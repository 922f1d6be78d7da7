import {existsSync} from 'node:fs';
import {chmod, mkdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {selectAll} from 'hast-util-select';
import {beforeAll, describe, expect, it, vi} from 'vitest';
import {loadBook} from '../../src/core/load-book.js';
import {articlesOf, type Book} from '../../src/model/book.js';
import {buildBook} from '../../src/outputs/build-book.js';
import {makeBook, manuscript, smallBook} from '../helpers/book.js';
import {docxHtml, docxPart, occurrences, officePdf} from '../helpers/office.js';
import {allPagesText, hanCounts, missingHan, pdfInfo} from '../helpers/pdf-tools.js';
import {readManuscripts, sampleTitle, squash} from '../helpers/sample.js';
import {runFolder, sampleDir} from '../helpers/shared-sample.js';

/** What the book holds, counted from its model: what the Word document must hold as many of. */
function counts(book: Book) {
  const articles = articlesOf(book);
  const all = (selector: string) => articles.reduce((n, a) => n + selectAll(selector, a.body).length, 0);
  return {
    parts: book.parts.length,
    articles: articles.length,
    apparatus: book.apparatus.front.length + book.apparatus.back.length,
    sections: all('h2'),
    notes: articles.reduce((n, a) => n + a.footnotes.length, 0),
    figures: all('figure img'),
    tables: all('table'),
  };
}

describe('the sample report as a Word document (--format docx)', () => {
  const out = {horizontal: '', vertical: ''};
  let book: Book;

  beforeAll(async () => {
    book = (await loadBook({bookDir: sampleDir()})).book;
    for (const writingMode of ['horizontal', 'vertical'] as const) {
      out[writingMode] = runFolder(`sample-${writingMode}.docx`);
      await buildBook({bookDir: sampleDir(), format: 'docx', out: out[writingMode], writingMode});
    }
  });

  for (const writingMode of ['horizontal', 'vertical'] as const) {
    it(`should open in LibreOffice and print every page with its text, ${writingMode}`, async () => {
      const {pdf, output} = await officePdf(out[writingMode]);
      expect(output).not.toMatch(/error/i);
      expect(existsSync(pdf)).toBe(true);
      const pages = Number((await pdfInfo(pdf)).Pages);
      // Title page, contents, 4 part pages, 17 articles, chronology and index: more pages than sections.
      expect(pages).toBeGreaterThan(30);
      const text = squash((await allPagesText(pdf)).join(''));
      expect(text).toContain(squash(await sampleTitle()));
      expect(text).toContain('第一部分');
    });
  }

  it('should keep every Han character of the manuscripts, read back with mammoth', async () => {
    const manuscripts = await readManuscripts(sampleDir());
    for (const file of [out.horizontal, out.vertical]) {
      const {html} = await docxHtml(file);
      expect(missingHan(hanCounts(manuscripts.map((m) => m.text).join('')), hanCounts(html.replace(/<[^>]+>/g, '')))).toEqual([]);
    }
  });

  it('should hold as many headings, footnotes, pictures and tables as the book', async () => {
    const want = counts(book);
    const {html} = await docxHtml(out.horizontal);
    // Heading 1: parts and the chronology and index; Heading 2: articles; Heading 3: their sections.
    expect(occurrences(html, /<h1[ >]/)).toBe(want.parts + want.apparatus);
    expect(occurrences(html, /<h2[ >]/)).toBe(want.articles);
    expect(occurrences(html, /<h3[ >]/)).toBe(want.sections);
    expect(occurrences(html, /<li id="footnote-/)).toBe(want.notes);
    expect(occurrences(html, /<img /)).toBe(want.figures);
    expect(occurrences(html, /<table/)).toBe(want.tables);
    expect(want.notes * want.figures * want.tables).toBeGreaterThan(0);
    const document = await docxPart(out.horizontal, 'word/document.xml');
    // Word's own footnotes, each called once; pictures as SVG with a PNG for older readers.
    expect(occurrences(await docxPart(out.horizontal, 'word/footnotes.xml'), /<w:footnote w:id="[1-9]/)).toBe(want.notes);
    expect(occurrences(document, /<w:footnoteReference /)).toBe(want.notes);
    expect(occurrences(document, /<asvg:svgBlip /)).toBe(want.figures);
    // The table of contents: a TOC field over Headings 1–2, filled with their entries.
    expect(document).toContain('<w:instrText xml:space="preserve">TOC \\h \\o &quot;1-2&quot;</w:instrText>');
    for (const article of articlesOf(book).slice(0, 3)) expect(document).toContain(`<w:t xml:space="preserve">${article.title}</w:t>`);
  });

  it('should name East Asian fonts and the language in its styles, and the heading styles Word knows', async () => {
    const styles = await docxPart(out.horizontal, 'word/styles.xml');
    expect(styles).toContain('w:eastAsia="宋体"');
    expect(styles).toContain('w:eastAsia="黑体"');
    expect(styles).toContain('w:eastAsia="楷体"');
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3', 'Caption', 'Quote', 'Byline', 'Source']) expect(styles).toContain(`w:styleId="${id}"`);
    // Normal: first lines indented two characters.
    expect(styles).toMatch(/<w:pPrDefault>.*w:firstLineChars="200"/s);
  });

  it('should set the pages up from book.yaml: A5, mirrored margins, running heads and folios', async () => {
    const document = await docxPart(out.horizontal, 'word/document.xml');
    const sections = document.match(/<w:sectPr>.*?<\/w:sectPr>/gs) ?? [];
    const want = counts(book);
    // Title page, contents, a part page per part, an article each, chronology and index.
    expect(sections.length).toBe(2 + want.parts + want.articles + want.apparatus);
    for (const section of sections) {
      expect(section).toContain('<w:pgSz w:w="8391" w:h="11906"');
      expect(section).not.toContain('tbRl');
    }
    expect(await docxPart(out.horizontal, 'word/settings.xml')).toMatch(/<w:mirrorMargins\/>.*<w:evenAndOddHeaders\/>/s);
    const header = await docxPart(out.horizontal, 'word/header2.xml').catch(() => '');
    expect(header + (await docxPart(out.horizontal, 'word/header3.xml'))).toContain(await sampleTitle());
  });

  it('should set a vertical book top to bottom, right to left, bound on the right', async () => {
    const document = await docxPart(out.vertical, 'word/document.xml');
    const sections = document.match(/<w:sectPr>.*?<\/w:sectPr>/gs) ?? [];
    expect(sections.length).toBeGreaterThan(20);
    for (const section of sections) expect(section).toMatch(/<w:textDirection w:val="tbRl"\/><w:rtlGutter\/>/);
    // Two-digit numbers upright in one em (縦中横), vertical quotes.
    expect(document).toMatch(/<w:eastAsianLayout w:vert="true"[^>]*\/><\/w:rPr><w:t xml:space="preserve">\d{1,2}<\/w:t>/);
    expect(document).toContain('『');
  });

  it('should write the same file twice, dated by SOURCE_DATE_EPOCH', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', '1767225600');
    try {
      const again = runFolder('sample-again.docx');
      await buildBook({bookDir: sampleDir(), format: 'docx', out: again});
      const twice = runFolder('sample-twice.docx');
      await buildBook({bookDir: sampleDir(), format: 'docx', out: twice});
      expect(Buffer.compare(await readFile(again), await readFile(twice))).toBe(0);
      expect(await docxPart(again, 'docProps/core.xml')).toContain('2026-01-01T00:00:00Z</dcterms:modified>');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('Word output of the book syntax', () => {
  it('should write ruby, emphasis dots, code, lists, links and notes in Word terms, Traditional in zh-TW', async () => {
    const dir = await makeBook({
      'book.yaml': 'title: 測試書\nlanguage: zh-Hant\n',
      'manuscripts/a.md': manuscript(
        {title: '寫在前面', date: '2025-03-09'},
        [
          '讀作:ruby[青溪]{rt="qīng xī"}，:dots[學深悟透]。輸入 `apt install`，見[網站](https://example.org)。',
          '',
          '3. 第三條',
          '4. 第四條',
          '   - 其中一點',
          '',
          '> 一段引文。',
          '',
          '---',
          '',
          '正文有注[^1]。',
          '',
          '[^1]: 注的內容。',
        ].join('\n'),
      ),
    });
    const out = path.join(dir, 'book.docx');
    await buildBook({bookDir: dir, format: 'docx', out});
    const document = await docxPart(out, 'word/document.xml');
    expect(document).toMatch(
      /<w:ruby><w:rubyPr>.*?<w:lid w:val="zh-TW"\/><\/w:rubyPr><w:rt><w:r>.*?<w:t xml:space="preserve">qīng<\/w:t><\/w:r><\/w:rt><w:rubyBase><w:r><w:t xml:space="preserve">青<\/w:t>/,
    );
    for (const char of '學深悟透') expect(document).toContain(`<w:em w:val="dot"/></w:rPr><w:t xml:space="preserve">${char}</w:t>`);
    expect(document).toMatch(/<w:rStyle w:val="CodeChar"\/><\/w:rPr><w:t xml:space="preserve">apt install<\/w:t>/);
    expect(document).toMatch(/<w:hyperlink [^>]*r:id="rIdh1"[^>]*><w:r><w:t xml:space="preserve">網站<\/w:t>/);
    expect(await docxPart(out, 'word/_rels/document.xml.rels')).toMatch(
      /Id="rIdh1"[^>]*Target="https:\/\/example.org"[^>]*TargetMode="External"|Target="https:\/\/example.org"[^>]*Id="rIdh1"/,
    );
    expect(document).toMatch(/<w:pStyle w:val="Quote"\/>.*一段引文/s);
    expect(document).toContain('＊　＊　＊');
    expect(document).toMatch(/<w:footnoteReference w:id="1"\/>/);
    expect(await docxPart(out, 'word/footnotes.xml')).toContain('注的內容。');
    // An ordered list starting at 3, a bullet list inside it.
    const numbering = await docxPart(out, 'word/numbering.xml');
    expect(numbering).toMatch(/<w:lvl w:ilvl="0"[^>]*><w:start w:val="3"\/><w:numFmt w:val="decimal"\/>/);
    expect(numbering).toMatch(/<w:numFmt w:val="bullet"\/><w:lvlText w:val="◦"\/>/);
    expect(document).toMatch(/<w:ilvl w:val="1"\/>.*?其中一點/s);
    const styles = await docxPart(out, 'word/styles.xml');
    expect(styles).toContain('w:eastAsia="新細明體"');
    expect(styles).toMatch(/<w:lang [^>]*w:eastAsia="zh-TW"/);
    // Not set upright outside a vertical book.
    expect(document).not.toContain('w:eastAsianLayout');
  });

  it('should fail with the file and line of a missing image, and write nothing', async () => {
    const dir = await makeBook(
      smallBook({'manuscripts/02-b.md': manuscript({title: '春天的集市', part: '生活'}, '集市上人来人往。\n\n![集市](images/none.png)')}),
    );
    const out = path.join(dir, 'build', 'book.docx');
    await expect(buildBook({bookDir: dir, format: 'docx', out})).rejects.toMatchObject({name: 'InputError'});
    expect(existsSync(out)).toBe(false);
  });

  it('should say so when the output cannot be written, leaving no partial file', async () => {
    const dir = await makeBook(smallBook());
    const closed = path.join(dir, 'closed');
    await mkdir(closed);
    await chmod(closed, 0o500);
    const out = path.join(closed, 'book.docx');
    const error = await buildBook({bookDir: dir, format: 'docx', out}).catch((e: Error) => e);
    await chmod(closed, 0o700);
    // Root writes anywhere: then the file is whole.
    if (error instanceof Error) {
      expect(error.message).toContain(closed);
      expect(existsSync(out)).toBe(false);
    } else expect((await docxHtml(out)).html).toContain('村里修了一条路');
  });
});
