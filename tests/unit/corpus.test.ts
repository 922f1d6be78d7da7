import {mkdtemp, readFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {parse} from 'yaml';
import {findPersonalData} from '../../src/typography/personal-data.js';
import {corpusSources, makeDebianBook, makePoemsBook, missingCorpusPackages, parseFortunes, type CorpusBook} from '../helpers/corpus.js';

interface Manuscript {
  matter: Record<string, string>;
  body: string;
}

async function read(book: CorpusBook): Promise<{yaml: Record<string, unknown>; manuscripts: Manuscript[]}> {
  const yaml = parse(await readFile(path.join(book.dir, 'book.yaml'), 'utf8')) as Record<string, unknown>;
  const manuscripts = await Promise.all(
    book.manuscripts.map(async (name) => {
      const [, matter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(await readFile(path.join(book.dir, name), 'utf8')) ?? [];
      return {matter: parse(matter) as Record<string, string>, body};
    }),
  );
  return {yaml, manuscripts};
}

// The corpus is made from Debian packages that npm run setup installs.
describe('the corpus books', () => {
  it('should find every Debian package the corpus needs', () => expect(missingCorpusPackages()).toEqual([]));

  let debian: {book: CorpusBook; yaml: Record<string, unknown>; manuscripts: Manuscript[]};
  let poems: {book: CorpusBook; yaml: Record<string, unknown>; manuscripts: Manuscript[]};

  beforeAll(async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'huibian-corpus-'));
    const d = await makeDebianBook(path.join(tmp, 'debian'), {writingMode: 'vertical'});
    const p = await makePoemsBook(path.join(tmp, 'poems'));
    debian = {book: d, ...(await read(d))};
    poems = {book: p, ...(await read(p))};
  });

  it('should write the Debian book with A5 pages, the writing mode, and explicit ordered lists', () => {
    expect(debian.yaml).toMatchObject({pageSize: 'A5', writingMode: 'vertical', manuscripts: debian.book.manuscripts, parts: debian.book.parts});
    expect(debian.manuscripts.length).toBeGreaterThan(150);
    // Both manuals, each chapter a part, in order: chapter numbers restart once (the FAQ).
    const numbers = debian.book.parts.map((p) => Number(/^第 (\d+) 章/.exec(p)?.[1] ?? NaN)).filter((n) => !Number.isNaN(n));
    expect(numbers.filter((n, i) => i > 0 && n < numbers[i - 1]!)).toEqual([1]);
    expect(new Set(debian.book.parts).size).toBe(debian.book.parts.length);
  });

  it('should give each Debian manuscript its chapter as part, and its section title with the number as printed', () => {
    for (const {matter} of debian.manuscripts) expect(debian.book.parts).toContain(matter.part);
    const sections = debian.manuscripts.filter((m) => m.matter.title !== m.matter.part);
    expect(sections.length).toBeGreaterThan(150);
    for (const {matter} of sections) expect(matter.title).toMatch(/^([A-Z]|\d+)\.\d+\. \S/);
    // A chapter's introduction is titled by the chapter.
    expect(debian.manuscripts.some((m) => m.matter.title === m.matter.part)).toBe(true);
  });

  it('should keep the copy as published: no HTML left, footnotes called and defined in the same manuscript', () => {
    const all = debian.manuscripts.map((m) => m.body).join('\n');
    // Outside code, where markup examples are the copy.
    const prose = all.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');
    expect(prose).not.toMatch(/(?<!\\)<\/?[a-z]+[ >]|ftn\.|\]\(\)|!\[/);
    expect(all).toMatch(/\n```\n/);
    expect(all).toMatch(/\n\| .+ \|\n\| -+/);
    let notes = 0;
    for (const {body} of debian.manuscripts) {
      const calls = new Set([...body.matchAll(/\[\^(\d+)\](?!:)/g)].map((m) => m[1]));
      const defined = new Set([...body.matchAll(/^\[\^(\d+)\]:/gm)].map((m) => m[1]));
      expect(defined).toEqual(calls);
      notes += calls.size;
    }
    expect(notes).toBeGreaterThan(100);
    // Spaces between Han and Latin, as the translators typed them, are still there.
    expect(all).toMatch(/\p{Script=Han} [A-Za-z]/u);
  });

  it('should find no personal data in the manuals or the poems: their long numbers (dates, time stamps) are none', () => {
    const all = [...debian.manuscripts, ...poems.manuscripts].map((m) => `${Object.values(m.matter).join('\n')}\n${m.body}`).join('\n');
    // A time stamp holds runs that look like a mobile number (14021119390…): taken alone, they would be.
    expect(all).toMatch(/\d{14}/);
    expect(findPersonalData(all)).toEqual([]);
  });

  it('should write every poem of both files, with title, author and one verse per paragraph', async () => {
    const tang = parseFortunes(await readFile(corpusSources.tang300, 'utf8'));
    const song = parseFortunes(await readFile(corpusSources.song100, 'utf8'));
    expect(tang.length).toBeGreaterThan(300);
    expect(song.length).toBeGreaterThan(90);
    expect(poems.yaml).toMatchObject({pageSize: 'A5', writingMode: 'horizontal', articleStart: 'continue', parts: ['唐诗三百首', '宋词一百首']});
    expect(poems.manuscripts.length).toBe(tang.length + song.length);
    expect(poems.manuscripts.filter((m) => m.matter.part === '唐诗三百首').length).toBe(tang.length);
    // biome-ignore-start lint/suspicious/noControlCharactersInRegex: no ANSI escape (ESC) may survive
    for (const {matter, body} of poems.manuscripts) {
      expect(matter.title).toMatch(/^[^《》\x1b:：]+$/);
      expect(matter.author).not.toMatch(/^作者|\x1b/);
      for (const paragraph of body.trim().split('\n\n')) expect(paragraph).toMatch(/^(## )?[^\n\x1b]+$/);
    }
    // biome-ignore-end lint/suspicious/noControlCharactersInRegex: no ANSI escape (ESC) may survive
  });
});
