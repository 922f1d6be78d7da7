import {readdir, readFile, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {toString as textOf} from 'hast-util-to-string';
import {afterEach, describe, expect, it} from 'vitest';
import {compileBook} from '../../src/book/compile.js';
import {loadConfig} from '../../src/config/load.js';
import {articlesOf} from '../../src/model/book.js';
import {InputError} from '../../src/report/messages.js';
import {makeBook, manuscript, smallBook} from '../helpers/book.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, {recursive: true, force: true});
});

async function book(extra: Record<string, string> = {}): Promise<{dir: string; cacheDir: string}> {
  const dir = await makeBook(smallBook(extra));
  dirs.push(dir);
  return {dir, cacheDir: path.join(dir, 'build', '.cache')};
}

const entriesIn = async (cacheDir: string) => (await readdir(cacheDir).catch(() => [] as string[])).filter((name) => name.startsWith('manuscript-'));
const compile = async (dir: string, options: Parameters<typeof compileBook>[2]) => compileBook(await loadConfig(dir), undefined, options);
const warningsOf = (files: Awaited<ReturnType<typeof compileBook>>['files']) =>
  files.flatMap((file) => file.messages.map((m) => `${file.path}:${m.line}:${m.column} ${m.ruleId} ${m.fatal} ${m.reason}`));

describe('compiled manuscripts kept between builds', () => {
  it('should take a manuscript from the cache while its text is unchanged, its messages said again', async () => {
    const {dir, cacheDir} = await book({
      'manuscripts/02-b.md': manuscript({title: '春天的集市', date: '2025-03-09', part: '生活'}, '集市上人来人往，见 [旧址](ftp://example.org/a)。'),
    });
    const first = await compile(dir, {cacheDir});
    expect(await entriesIn(cacheDir)).toHaveLength(3);
    expect(warningsOf(first.files).some((w) => w.includes('unsafe-link'))).toBe(true);

    // Mark the kept tree: a build that shows the mark took the entry instead of compiling.
    const [marked] = (
      await Promise.all((await entriesIn(cacheDir)).map(async (name) => [name, await readFile(path.join(cacheDir, name), 'utf8')] as const))
    ).filter(([, text]) => text.includes('集市上人来人往'));
    await writeFile(path.join(cacheDir, marked![0]), marked![1].replace('集市上人来人往', '集市上已记住'));
    const second = await compile(dir, {cacheDir});
    const market = () => articlesOf(second.book).find((a) => a.title === '春天的集市')!;
    expect(textOf(market().body)).toContain('集市上已记住');
    expect(warningsOf(second.files)).toEqual(warningsOf(first.files));
    expect(second.book.assets).toEqual(first.book.assets);
    expect(articlesOf(second.book).map((a) => a.footnotes)).toEqual(articlesOf(first.book).map((a) => a.footnotes));

    // An edit compiles the manuscript again.
    await writeFile(path.join(dir, 'manuscripts/02-b.md'), manuscript({title: '春天的集市', date: '2025-03-09', part: '生活'}, '集市改到周六。'));
    const third = await compile(dir, {cacheDir});
    expect(textOf(articlesOf(third.book).find((a) => a.title === '春天的集市')!.body)).toBe('集市改到周六。');
    expect(warningsOf(third.files).some((w) => w.includes('unsafe-link'))).toBe(false);
  });

  it('should check an image again when its file changed, and keep nothing of a manuscript with an image problem', async () => {
    const {dir, cacheDir} = await book();
    const image = path.join(dir, 'manuscripts/images/road.svg');
    const svg = await readFile(image, 'utf8');
    await compile(dir, {cacheDir});
    await writeFile(image, 'not a picture');
    await expect(compile(dir, {cacheDir})).rejects.toThrow(InputError);
    expect(await entriesIn(cacheDir)).toHaveLength(3);

    // Missing, allowed: a marked gap, not kept — the image put back is found at once.
    await rm(image);
    const gap = await compile(dir, {cacheDir, allowMissingImages: true});
    expect(warningsOf(gap.files).some((w) => w.includes('image false'))).toBe(true);
    await writeFile(image, svg);
    const whole = await compile(dir, {cacheDir, allowMissingImages: true});
    expect(warningsOf(whole.files).some((w) => w.includes(' image '))).toBe(false);
    expect(whole.book.assets.map((a) => a.path)).toEqual([image]);
  });

  it('should keep nothing when linting, or without a cache folder', async () => {
    const {dir, cacheDir} = await book();
    await compile(dir, {cacheDir, lint: true});
    await compile(dir, {});
    expect(await entriesIn(cacheDir)).toEqual([]);
  });
});
