import {existsSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {makeBook, manuscript} from '../helpers/book.js';
import {huibian} from '../helpers/cli.js';
import {png} from '../helpers/images.js';

// Input as it arrives from many hands: each case builds correctly, or stops with a message at
// `file:line:col` that says what to do — never a stack trace, a hang or a partial output.
// Binary cases are made here, at test time.

const SENTENCE = '今年以来，镇里把修路、治水和办学当作头等大事，一件一件抓落实。';
const BOOK = 'title: 来稿测试\n';

/** Build into HTML (no browser: the input checks are the same for every format). */
async function buildHtml(files: Record<string, string | Uint8Array>): Promise<{code: number; stderr: string; dir: string}> {
  const dir = await makeBook(files);
  const result = await huibian(['build', dir, '--format', 'html']);
  return {...result, dir};
}

describe('bad input stops the build with a message at its place', () => {
  const cases: Array<[string, Record<string, string | Uint8Array>, RegExp]> = [
    [
      'invalid YAML in book.yaml',
      {'book.yaml': 'title: [书\n', 'manuscripts/a.md': manuscript({title: '一'}, '正文。')},
      /book\.yaml:2:1: error: YAML 语法错误/,
    ],
    [
      'invalid YAML in front matter',
      {'book.yaml': BOOK, 'manuscripts/a.md': '---\ntitle: [一\n---\n正文。\n'},
      /manuscripts\/a\.md:2:\d+: error: 文首 YAML 语法错误/,
    ],
    [
      'no title in book.yaml',
      {'book.yaml': 'subtitle: 副\n', 'manuscripts/a.md': manuscript({title: '一'}, '正文。')},
      /book\.yaml:1:1: error: `title`：缺少书名/,
    ],
    [
      'an empty title in front matter',
      {'book.yaml': BOOK, 'manuscripts/a.md': manuscript({title: '""'}, '正文。')},
      /manuscripts\/a\.md:2:\d+: error: 标题 title 不能为空/,
    ],
    [
      'wrong types in book.yaml',
      {'book.yaml': 'title: 书\nwritingMode: sideways\nparts: 村务\n', 'manuscripts/a.md': manuscript({title: '一'}, '正文。')},
      /book\.yaml:2:14: error: `writingMode`/,
    ],
    [
      'wrong types in front matter',
      {'book.yaml': BOOK, 'manuscripts/a.md': manuscript({title: '一', date: '明天', tags: '5'}, '正文。')},
      /manuscripts\/a\.md:3:7: error: 日期 date 应写成 YYYY-MM-DD/,
    ],
    [
      'a GBK file',
      {'book.yaml': BOOK, 'manuscripts/a.md': new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xb1, 0xea, 0x0a])},
      /manuscripts\/a\.md:2:1: error: 此文件不是 UTF-8 编码/,
    ],
    ['an empty manuscripts folder', {'book.yaml': BOOK, 'manuscripts/.keep': ''}, /book\.yaml:1:1: error: 没有找到任何稿件/],
    [
      'a missing image',
      {'book.yaml': BOOK, 'manuscripts/a.md': manuscript({title: '一'}, '![照片](images/none.png)')},
      /manuscripts\/a\.md:5:1: error: 找不到图片 `images\/none\.png`/,
    ],
    [
      'a truncated image',
      {'book.yaml': BOOK, 'manuscripts/a.md': manuscript({title: '一'}, '![照片](images/cut.png)'), 'manuscripts/images/cut.png': png().subarray(0, 80)},
      /manuscripts\/a\.md:5:1: error: 图片 `images\/cut\.png` 不完整/,
    ],
  ];
  for (const [what, files, message] of cases) {
    it(`should stop on ${what}`, async () => {
      const {code, stderr, dir} = await buildHtml(files);
      expect(code).toBe(1);
      expect(stderr).toMatch(message);
      expect(stderr).not.toContain('内部错误');
      expect(existsSync(path.join(dir, 'build'))).toBe(false);
    });
  }
});

describe('untidy but valid input builds', () => {
  it('should build every awkward case into one PDF, with warnings where something was left out', async () => {
    const nested = Array.from({length: 50}, (_, i) => `${'  '.repeat(i)}- 第${i + 1}层`).join('\n');
    const paragraph = SENTENCE.repeat(110); // 3500 characters: five pages in one paragraph
    const dir = await makeBook({
      'book.yaml': BOOK,
      // A BOM and Windows line ends.
      'manuscripts/01-bom.md': `\uFEFF${manuscript({title: '带 BOM 的稿件', colour: '红'}, `${SENTENCE}\n\n${SENTENCE}`).replace(/\n/g, '\r\n')}`,
      // Two articles with the same title.
      'manuscripts/02-a.md': manuscript({title: '同名的文章'}, SENTENCE),
      'manuscripts/03-b.md': manuscript({title: '同名的文章'}, SENTENCE),
      // File names with spaces and Chinese, an image as wide as 10000 pixels and one taller than a page.
      'manuscripts/第 四 篇.md': manuscript({title: '大图'}, '![很大的图](<图 片/大 图.png>)\n\n![很高的图](<图 片/高图.png>)'),
      'manuscripts/图 片/大 图.png': png(10000, 10000),
      'manuscripts/图 片/高图.png': png(300, 3000),
      'manuscripts/05-nested.md': manuscript({title: '五十层列表'}, nested),
      'manuscripts/06-long.md': manuscript({title: '很长的一段'}, paragraph),
      'manuscripts/07-directive.md': manuscript({title: '指令'}, ':foo[未知的指令]和正文。'),
      'manuscripts/08-only-matter.md': manuscript({title: '只有信息块'}, ''),
    });
    const result = await huibian(['build', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/01-bom\.md:\d+:\d+: warning: 未知的文首键 `colour`/);
    expect(result.stderr).toMatch(/07-directive\.md:\d+:\d+: warning: 未知的写法 `:foo`/);
    // The build checks itself that every Han character of the manuscripts is printed.
    expect(existsSync(path.join(dir, 'build', 'book.pdf'))).toBe(true);
  });

  it('should read a 5 MB article in seconds', async () => {
    const paragraph = SENTENCE.repeat(12);
    const count = Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(`${paragraph}\n\n`));
    const {code, stderr, dir} = await buildHtml({
      'book.yaml': BOOK,
      'manuscripts/a.md': manuscript({title: '很大的稿件'}, Array(count).fill(paragraph).join('\n\n')),
    });
    expect(code, stderr).toBe(0);
    const html = await readFile(path.join(dir, 'build', 'html', 'index.html'), 'utf8');
    expect(html.split(paragraph.slice(0, 20)).length - 1).toBe(count * 12);
  });
});
