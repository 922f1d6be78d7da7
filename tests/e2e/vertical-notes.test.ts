import {readFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {PDFArray, type PDFDict, PDFDocument, PDFName} from 'pdf-lib';
import {beforeAll, describe, expect, it} from 'vitest';
import {buildBook, type BuildResult} from '../../src/outputs/build-book.js';
import {makeBook, manuscript} from '../helpers/book.js';
import {readPageLines, type PageLine} from '../helpers/page-lines.js';

// Sentences of our own, turned into paragraphs of different lengths so that calls fall all
// over the pages: at a column's foot, in a page's last column, on pages full of notes.
const SENTENCES = [
  '清早的村口已经有人在扫落叶',
  '合作社的账本每个月都贴在公告栏上',
  '老人们在祠堂前的空地上晒太阳、拉家常',
  '河堤加固以后，汛期再没有漫过稻田',
  '学校食堂换了新灶台，孩子们中午能吃上热饭',
  '茶园里的新品种去年第一次采摘',
  '村医每周二上门给独居老人量血压',
  '夜校开了电脑课，报名的多是年轻媳妇',
  '修路的钱一半来自镇里，一半是村民自筹',
  '文化站的书架上添了两百多本新书',
  '冬闲时节，木匠铺又热闹起来',
  '集市从每月三次改成了每周一次',
];
const han = (text: string) => (text.match(/\p{Script=Han}/gu) ?? []).join('');
/** 12 → 一二: numbers in the notes' text that survive reading back as Han. */
const hanNumber = (n: number) => [...String(n)].map((d) => '〇一二三四五六七八九'[Number(d)]).join('');
const CIRCLED = /[①-⑳]/u;

/** Paragraph `i`: a few sentences, a call after some of them. */
function paragraph(i: number, calls: string[]): string {
  const count = 2 + (i % 5);
  const parts = Array.from({length: count}, (_, k) => SENTENCES[(i * 7 + k * 5) % SENTENCES.length]!);
  return parts.map((sentence, k) => `${sentence}${calls[k] ? `[^${calls[k]}]` : ''}${k === count - 1 ? '。' : '，'}`).join('');
}

const NOTES: Record<string, string> = {};
function note(label: string, text: string): string {
  NOTES[label] = text;
  return label;
}

function firstArticle(): string {
  const blocks: string[] = [];
  for (let i = 0; i < 34; i++) {
    // Two thirds of the paragraphs call a note; some call two.
    const calls = i % 3 === 2 ? [] : [note(`p${i}`, `第${hanNumber(i + 1)}段所说的事，见村委会当年的会议记录。`)];
    if (i % 7 === 3) calls.push(note(`q${i}`, `第${hanNumber(i + 1)}段的数字为年底统计，与年中公布的略有出入。`));
    blocks.push(paragraph(i, calls));
    if (i === 8) blocks.push(`## 一、几件实事[^${note('h', '标题里的注：这一节记的是全年办成的实事。')}]`);
    if (i === 12) {
      blocks.push(`- 道路硬化两公里[^${note('li', '列表中的注：其中一公里为旧路加宽。')}]\n- 新修水渠一条\n- 路灯四十盏`);
    }
    if (i === 16) blocks.push(`> 村里老人说：${SENTENCES[2]}，${SENTENCES[10]}[^${note('quote', '引文中的注：据老人口述整理。')}]。`);
    if (i === 20) {
      blocks.push(`| 项目 | 数量 |\n| --- | --- |\n| 路灯 | 40盏[^${note('cell', '表格中的注：含太阳能路灯十二盏。')}] |\n| 水渠 | 1条 |`);
    }
    if (i === 24) {
      NOTES.two = '分两段的注释，第一段说来历。\n\n    第二段说后来的变化。';
      blocks.push(`${SENTENCES[5]}[^two]。`);
    }
    if (i === 28) {
      const long = Array.from({length: 6}, (_, k) => SENTENCES[(k * 5) % SENTENCES.length]).join('，');
      blocks.push(`${SENTENCES[1]}[^${note('long', `较长的注释：${long}。`)}]。`);
    }
  }
  return blocks.join('\n\n');
}

function definitions(labels: string[]): string {
  return labels.map((label) => `[^${label}]: ${NOTES[label]}`).join('\n');
}

/**
 * Per page: its body columns, the numbers of the calls on it (raised in a column, or in a
 * table), and the lines of its notes (8.5 pt; the source line under a title has that size too).
 */
function notesByPage(lines: PageLine[]): Map<number, {body: PageLine[]; calls: string[]; notes: PageLine[]}> {
  const pages = new Map<number, {body: PageLine[]; calls: string[]; notes: PageLine[]}>();
  for (const line of lines) {
    if (!pages.has(line.page)) pages.set(line.page, {body: [], calls: [], notes: []});
    const page = pages.get(line.page)!;
    if (line.flow === 'vertical' && Math.abs(line.em - 8.5) < 0.3) {
      if (!line.text.startsWith('来源')) page.notes.push(line);
      continue;
    }
    if (line.flow === 'vertical' && line.em > 9.5) page.body.push(line);
    page.calls.push(...line.chars.filter((c) => CIRCLED.test(c.c) && (c.raised || line.em < 8)).map((c) => c.c));
  }
  return pages;
}

describe('vertical books: notes on the page of their call (issue 9 defect 6)', () => {
  let result: BuildResult;
  let lines: PageLine[];
  let out: string;
  let firstLabels: string[];

  beforeAll(async () => {
    const body = firstArticle();
    firstLabels = Object.keys(NOTES);
    const second = Array.from({length: 9}, (_, i) => paragraph(i + 40, i % 4 === 0 ? [note(`s${i}`, `第二篇第${hanNumber(i + 1)}段的注。`)] : [])).join('\n\n');
    const dir = await makeBook({
      'book.yaml': 'title: 注释测试\nwritingMode: vertical\npageSize: A5\n',
      'manuscripts/a.md': manuscript({title: '河边的村子', source: '村广播站'}, `${body}\n\n${definitions(firstLabels)}`),
      'manuscripts/b.md': manuscript({title: '集市'}, `${second}\n\n${definitions(Object.keys(NOTES).filter((l) => !firstLabels.includes(l)))}`),
    });
    out = path.join(os.tmpdir(), `huibian-vertical-notes-${process.pid}.pdf`);
    result = await buildBook({bookDir: dir, format: 'pdf', out});
    lines = await readPageLines(out, {writingMode: 'vertical'});
  });

  it('should set every note on its page, none at the articles’ ends', async () => {
    expect(result.notes?.problem).toBeUndefined();
    expect(result.notes?.notes).toBe(Object.keys(NOTES).length);
    // No 注释 heading closes an article.
    expect(lines.some((l) => l.text === '注释')).toBe(false);
  });

  it('should number each page’s calls ①②③… and set the same numbers in its notes, at the page’s left edge', () => {
    const pages = [...notesByPage(lines).values()].filter((p) => p.calls.length > 0);
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) {
      const numbers = page.notes.map((l) => l.text[0]!).filter((c) => CIRCLED.test(c));
      const expected = page.calls.map((_, i) => String.fromCodePoint(0x2460 + i));
      expect(page.calls, `page ${page.body[0]?.page}`).toEqual(expected);
      expect(numbers, `page ${page.body[0]?.page}`).toEqual(expected);
      // The notes are the page's last columns: left of all its text.
      const leftmostBody = Math.min(...page.body.map((l) => l.chars[0]!.cross));
      for (const line of page.notes) expect(line.chars[0]!.cross).toBeLessThan(leftmostBody);
    }
  });

  it('should print each note whole on one page, the page of its call', () => {
    const pages = notesByPage(lines);
    for (const [label, text] of Object.entries(NOTES)) {
      const wanted = han(text);
      const holding = [...pages.entries()].filter(([, p]) => han(p.notes.map((l) => l.text).join('')).includes(wanted));
      expect(holding.length, label).toBe(1);
    }
  });

  it('should link each call to its note, on the same page', async () => {
    const doc = await PDFDocument.load(await readFile(out));
    const index = new Map(doc.getPages().map((page, i) => [page.ref.toString(), i]));
    // The body's pages: the contents' links point across the book.
    const labels = (doc.catalog.lookup(PDFName.of('PageLabels')) as PDFDict).lookup(PDFName.of('Nums')) as PDFArray;
    const bodyStart = Number(labels.get(labels.size() - 2).toString());
    let links = 0;
    doc.getPages().forEach((page, i) => {
      if (i < bodyStart) return;
      const annotations = page.node.lookup(PDFName.of('Annots'));
      if (!(annotations instanceof PDFArray)) return;
      for (const ref of annotations.asArray()) {
        const annotation = doc.context.lookup(ref) as PDFDict;
        // Chromium names the destination; the catalog's /Dests holds where it is.
        const name = annotation.lookup(PDFName.of('Dest'));
        const destination = name instanceof PDFName ? (doc.catalog.lookup(PDFName.of('Dests')) as PDFDict).lookup(name) : name;
        expect(destination).toBeInstanceOf(PDFArray);
        // A call raised at the head of a page's first column also leaves a sliver of its box
        // at the previous page's end: a link with no ink under it.
        const [left, , right] = (annotation.lookup(PDFName.of('Rect')) as PDFArray).asArray().map((n) => Number(n.toString()));
        if (right! - left! < 2) continue;
        expect(index.get((destination as PDFArray).get(0).toString())).toBe(i);
        links++;
      }
    });
    expect(links).toBe(Object.keys(NOTES).length);
  });
});

describe('vertical books: a note too long to share a page with its call', () => {
  it('should keep all notes at the articles’ ends and say why', async () => {
    const long = Array.from({length: 120}, (_, k) => SENTENCES[k % SENTENCES.length]).join('，');
    const dir = await makeBook({
      'book.yaml': 'title: 长注\nwritingMode: vertical\npageSize: A5\n',
      'manuscripts/a.md': manuscript({title: '长注'}, `${paragraph(1, ['a'])}\n\n${paragraph(2, ['b'])}\n\n[^a]: 短注。\n[^b]: ${long}。`),
    });
    const out = path.join(os.tmpdir(), `huibian-vertical-long-note-${process.pid}.pdf`);
    const result = await buildBook({bookDir: dir, format: 'pdf', out});
    expect(result.notes?.problem).toMatch(/放不下/);
    // The notes close the article, under 注释, whole.
    const text = han((await readPageLines(out, {writingMode: 'vertical'})).map((l) => l.text).join(''));
    expect(text).toContain(`注释短注${han(long)}`);
  });
});
