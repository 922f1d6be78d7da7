import {execFile} from 'node:child_process';
import {writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {PDFDocument} from 'pdf-lib';
import {describe, expect, it} from 'vitest';
import type {Book} from '../../src/model/book.js';
import {buildDate} from '../../src/render/shared/build-date.js';
import {finishPdf, outlineOf} from '../../src/render/pdf/finish.js';
import type {Layout} from '../../src/render/pdf/engine.js';
import {qpdfCheck, qpdfJson} from '../helpers/pdf-tools.js';

const run = promisify(execFile);

const article = (id: string, title: string, tags: string[] = []) => ({
  id,
  title,
  tags,
  file: `${id}.md`,
  footnotes: [],
  body: {type: 'root' as const, children: []},
});
const book = {
  meta: {
    title: '测试书',
    author: '编者',
    subtitle: '副题',
    year: '2025',
    language: 'zh-Hans',
    writingMode: 'horizontal',
    pageSize: {name: 'A5', width: 148, height: 210},
    articleStart: 'page',
  },
  front: [article('a1', '前言')],
  parts: [{id: 'p1', number: 1, title: '村务', articles: [article('a2', '修路', ['交通']), article('a3', '供水')]}],
  assets: [],
  dir: '/tmp',
  apparatus: {front: [], back: ['chronology'], chronology: [], index: []},
} as unknown as Book;
const layout: Layout = {pageCount: 8, bodyStart: 3, anchors: {toc: 2, a1: 3, p1: 5, a2: 6, a3: 7}, blanks: []};

async function blankPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([420, 595]);
  return doc.save();
}

describe('finishPdf', () => {
  it('should nest articles under their parts in the outline', () => {
    expect(outlineOf(book, layout)).toEqual([
      {title: '目录', page: 2, children: []},
      {title: '前言', page: 3, children: []},
      {
        title: '第一部分　村务',
        page: 5,
        children: [
          {title: '修路', page: 6, children: []},
          {title: '供水', page: 7, children: []},
        ],
      },
    ]);
  });

  it('should write bookmarks, page labels, metadata and language that qpdf reads back', async () => {
    const file = path.join(os.tmpdir(), `huibian-finish-${process.pid}.pdf`);
    await writeFile(
      file,
      await finishPdf(await PDFDocument.load(await blankPdf(8)), book, layout, {producer: 'huibian (test)', now: new Date('2025-12-31T00:00:00Z')}),
    );
    expect((await qpdfCheck(file)).ok).toBe(true);
    const json = await qpdfJson(file);
    expect(json.pagelabels).toEqual([
      {index: 0, label: {'/S': '/r', '/St': 1}},
      {index: 3, label: {'/S': '/D', '/St': 1}},
    ]);
    expect(json.outlines.map((o) => [o.title, o.destpageposfrom1, o.kids.map((k) => [k.title, k.destpageposfrom1])])).toEqual([
      ['目录', 3, []],
      ['前言', 4, []],
      [
        '第一部分　村务',
        6,
        [
          ['修路', 7],
          ['供水', 8],
        ],
      ],
    ]);
    const {stdout} = await run('pdfinfo', ['-enc', 'UTF-8', file]);
    expect(stdout).toMatch(/Title:\s+测试书/);
    expect(stdout).toMatch(/Creator:\s+huibian/);
    expect(stdout).toMatch(/Keywords:\s+村务 交通/);
    expect(stdout).toMatch(/CreationDate:\s+Wed Dec 31 00:00:00 2025 UTC/);
  });

  it('should take the date from SOURCE_DATE_EPOCH for reproducible builds', () => {
    expect(buildDate({SOURCE_DATE_EPOCH: '1767139200'}).toISOString()).toBe('2025-12-31T00:00:00.000Z');
    expect(Math.abs(buildDate({}).getTime() - Date.now())).toBeLessThan(5000);
  });
});
