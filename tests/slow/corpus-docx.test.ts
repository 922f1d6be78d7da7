import {mkdtemp} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildBook} from '../../src/outputs/build-book.js';
import {makePoemsBook, makeProseBook} from '../helpers/corpus.js';
import {docxHtml, docxPart, occurrences, officePdf} from '../helpers/office.js';
import {allPagesText, hanCounts, missingHan, pdfInfo} from '../helpers/pdf-tools.js';
import {readManuscripts} from '../helpers/sample.js';

// Issue 26: text nobody here wrote — the Debian manuals' prose (Latin terms, paths, numbers) and
// Tang poems set vertically — as Word documents, opened by LibreOffice as an office would.

describe('real text as Word documents', () => {
  it('should write 24 articles of Debian prose that LibreOffice prints, every Han character kept', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'huibian-docx-prose-'));
    const corpus = await makeProseBook(path.join(root, 'book'), 24);
    const out = path.join(root, 'book.docx');
    await buildBook({bookDir: corpus.dir, format: 'docx', out});
    const manuscripts = await readManuscripts(corpus.dir);
    const {html} = await docxHtml(out);
    expect(missingHan(hanCounts(manuscripts.map((m) => m.text).join('')), hanCounts(html.replace(/<[^>]+>/g, '')))).toEqual([]);
    expect(occurrences(html, /<h2[ >]/)).toBe(manuscripts.length);
    const {pdf, output} = await officePdf(out);
    expect(output).not.toMatch(/error/i);
    expect(Number((await pdfInfo(pdf)).Pages)).toBeGreaterThan(40);
    // What LibreOffice printed holds the text too (its fallback font has every character).
    const printed = hanCounts((await allPagesText(pdf)).join(''));
    expect(missingHan(hanCounts(manuscripts.map((m) => m.text).join('')), printed).length).toBe(0);
  });

  it('should set the poems vertically, every section tbRl, and LibreOffice open it', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'huibian-docx-poems-'));
    const corpus = await makePoemsBook(path.join(root, 'book'), {writingMode: 'vertical'});
    const out = path.join(root, 'book.docx');
    await buildBook({bookDir: corpus.dir, format: 'docx', out});
    const document = await docxPart(out, 'word/document.xml');
    const sections = document.match(/<w:sectPr>.*?<\/w:sectPr>/gs) ?? [];
    expect(sections.length).toBeGreaterThan(corpus.manuscripts.length);
    for (const section of sections) expect(section).toContain('<w:textDirection w:val="tbRl"/><w:rtlGutter/>');
    const manuscripts = await readManuscripts(corpus.dir);
    const {html} = await docxHtml(out);
    expect(missingHan(hanCounts(manuscripts.map((m) => m.text).join('')), hanCounts(html.replace(/<[^>]+>/g, '')))).toEqual([]);
    const {output} = await officePdf(out);
    expect(output).not.toMatch(/error/i);
  });
});
