import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import {beforeAll, describe, expect, it} from 'vitest';
import {makeBook, manuscript, smallBook} from '../helpers/book.js';
import {huibian} from '../helpers/cli.js';
import {allPagesText} from '../helpers/pdf-tools.js';

// Made up: the ID's check digit and date are right, so it is taken for one.
const ID = '51010720000229456' + '4';
const MOBILE = '13712345678';
const visit = manuscript(
  {title: '入户走访记', date: '2025-06-01', author: `联络员 赵某（${MOBILE}）`, part: '生活'},
  `赵某，身份证号${ID}，家住三组，电话 ${MOBILE}。\n\n全村去年共收到捐款 13712345678 元的说法有误，应为 137123456780 分。`,
);
const masked = {id: '510107********4564', mobile: '137****5678'};

const untagged = (html: string) => html.replace(/<[^>]+>/g, '');

/** The text of an EPUB's documents (digits are set apart from Han in spans of their own). */
async function epubText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const names = Object.keys(zip.files).filter((name) => /\.(x?html|opf|ncx)$/.test(name));
  return untagged((await Promise.all(names.map((name) => zip.file(name)!.async('string')))).join('\n'));
}

describe('personal data (审读)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeBook(smallBook({'manuscripts/03-visit.md': visit}));
  });

  it('should have check point at each number, masked in the message', async () => {
    const result = await huibian(['check', dir]);
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n').filter((line) => line.includes('[huibian:personal-data]'));
    expect(lines).toEqual([
      expect.stringMatching(/manuscripts\/03-visit\.md:4:16: warning: 疑似手机号（137\*{4}5678）/),
      expect.stringMatching(/manuscripts\/03-visit\.md:8:8: warning: 疑似身份证号（510107\*{8}4564）/),
      expect.stringMatching(/manuscripts\/03-visit\.md:8:35: warning: 疑似手机号（137\*{4}5678）/),
      // A sum of money of eleven digits beginning 13 cannot be told from a mobile number: it is said, for a person to judge.
      expect.stringMatching(/manuscripts\/03-visit\.md:10:11: warning: 疑似手机号/),
    ]);
  });

  it('should print as written without --mask-personal, saying what is there, and masked with it, the cache notwithstanding', async () => {
    const plain = await huibian(['build', dir, '--format', 'epub', '--out', path.join(dir, 'plain.epub')]);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toContain('稿件中有疑似个人信息 4 处（身份证号 1、手机号 3）');
    expect(await epubText(path.join(dir, 'plain.epub'))).toContain(ID);

    // The manuscripts compiled for the plain build are in the cache: the masked build must not take them.
    const epub = await huibian(['build', dir, '--format', 'epub', '--mask-personal', '--out', path.join(dir, 'public.epub')]);
    expect(epub.code).toBe(0);
    expect(epub.stderr).toContain('已遮盖个人信息 4 处（身份证号 1、手机号 3）');
    const text = await epubText(path.join(dir, 'public.epub'));
    expect(text).not.toContain(ID);
    expect(text).not.toMatch(/(?<!\d)137\d{4}5678(?!\d)/);
    expect(text).toContain(masked.id);
    expect(text).toContain(`联络员 赵某（${masked.mobile}）`);
    // A number that is neither stays.
    expect(text).toContain('137123456780');
  });

  it('should mask them in the web pages and the printed book', async () => {
    const html = await huibian(['build', dir, '--format', 'html', '--mask-personal', '--out', path.join(dir, 'site')]);
    expect(html.code).toBe(0);
    const pages = (await readdir(path.join(dir, 'site'), {recursive: true})).filter((name) => name.endsWith('.html'));
    const site = untagged((await Promise.all(pages.map((name) => readFile(path.join(dir, 'site', name), 'utf8')))).join('\n'));
    expect(site).toContain(masked.id);
    expect(site).not.toContain(ID);

    const pdf = await huibian(['build', dir, '--mask-personal', '--out', path.join(dir, 'public.pdf')]);
    expect(pdf.code).toBe(0);
    expect(pdf.stderr).toContain('已遮盖个人信息 4 处');
    const printed = (await allPagesText(path.join(dir, 'public.pdf'))).join('\n').replace(/\s+/g, '');
    expect(printed).toContain(masked.id);
    expect(printed).toContain(masked.mobile);
    expect(printed).not.toContain(ID);
    expect(printed).not.toMatch(/(?<!\d)137\d{4}5678(?!\d)/);
  }, 120_000);

  it('should take the numbers book.yaml lists as public for what they are', async () => {
    const listed = await makeBook(smallBook({'manuscripts/03-visit.md': visit, 'book.yaml': `title: 书\npublicNumbers: [${MOBILE}]\nparts: [村务, 生活]\n`}));
    const result = await huibian(['check', listed]);
    expect(result.stderr.match(/\[huibian:personal-data\]/g)).toHaveLength(1);
    expect(result.stderr).toContain('疑似身份证号');
    const wrong = await makeBook(smallBook({'book.yaml': 'title: 书\npublicNumbers: 13712345678\n'}));
    expect((await huibian(['check', wrong])).stderr).toMatch(/book\.yaml:2:\d+: error: .*publicNumbers|book\.yaml:2:\d+: error: 应为号码的列表/);
  });
});
