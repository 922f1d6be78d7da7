import {existsSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {makeBook, manuscript} from '../helpers/book.js';
import {huibian} from '../helpers/cli.js';
import {png} from '../helpers/images.js';

// Input as it arrives from many hands: each case builds correctly, or stops with a message at
// `file:line:col` that says what to do — never a stack trace, a hang or a partial output.
// Binary cases are made here, at test time.

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
