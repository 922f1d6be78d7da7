import {describe, expect, it} from 'vitest';
import {compileBook} from '../../src/book/compile.js';
import {articlesOf} from '../../src/model/book.js';
import {loadConfig} from '../../src/config/load.js';
import {formatMessages, InputError} from '../../src/report/messages.js';
import {makeBook, manuscript, smallBook} from '../helpers/book.js';

async function compile(files: Record<string, string | Uint8Array>) {
  const dir = await makeBook(files);
  return {dir, ...(await compileBook(await loadConfig(dir)))};
}

async function failure(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await makeBook(files);
  const error = await loadConfig(dir)
    .then(compileBook)
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(InputError);
  return formatMessages((error as InputError).files, dir);
}

describe('compileBook', () => {
  it('should group articles into the declared parts, front matter articles first', async () => {
    const {book} = await compile(smallBook());
    expect(book.front.map((a) => [a.id, a.title])).toEqual([['a1', '写在前面']]);
    expect(book.parts.map((p) => [p.id, p.number, p.title, p.articles.map((a) => a.id)])).toEqual([
      ['p1', 1, '村务', ['a2']],
      ['p2', 2, '生活', ['a3']],
    ]);
    expect(book.meta).toMatchObject({title: '测试村年鉴', year: '2025', pageSize: {name: 'A5', width: 148, height: 210}});
    expect(book.assets).toHaveLength(1);
    expect(articlesOf(book)[1]!.footnotes).toHaveLength(1);
  });

  it('should order a part by date, then file name', async () => {
    const {book} = await compile({
      'book.yaml': 'title: 书\n',
      'manuscripts/10-c.md': manuscript({title: '丙', date: '2025-01-01', part: '甲部'}, '丙。'),
      'manuscripts/2-b.md': manuscript({title: '乙', part: '甲部'}, '乙。'),
      'manuscripts/1-a.md': manuscript({title: '甲', part: '甲部'}, '甲。'),
      'manuscripts/3-d.md': manuscript({title: '丁', date: '2025-06-01', part: '乙部'}, '丁。'),
    });
    // Parts in order of first use (file-name order); undated articles after dated ones.
    expect(book.parts.map((p) => [p.title, p.articles.map((a) => a.title)])).toEqual([
      ['甲部', ['丙', '甲', '乙']],
      ['乙部', ['丁']],
    ]);
  });

  it('should keep the order of an explicit manuscript list', async () => {
    const {book} = await compile({
      'book.yaml': 'title: 书\nmanuscripts:\n  - b.md\n  - a.md\n',
      'a.md': manuscript({title: '甲', date: '2025-01-01'}, '甲。'),
      'b.md': manuscript({title: '乙', date: '2025-02-01'}, '乙。'),
    });
    expect(book.front.map((a) => a.title)).toEqual(['乙', '甲']);
  });

  it('should report a part that book.yaml does not declare, at the part key', async () => {
    const text = await failure(smallBook({'manuscripts/03-c.md': manuscript({title: '丙', part: '其他'}, '正文。')}));
    expect(text).toContain('manuscripts/03-c.md:3:1: error: 部分 `其他` 不在 book.yaml 的 parts 里');
  });

  it('should report every broken manuscript at once, and no book', async () => {
    const text = await failure(
      smallBook({
        'manuscripts/03-c.md': '---\nauthor: 某人\n---\n正文。',
        'manuscripts/04-d.md': manuscript({title: '丁'}, '![图](images/none.png)'),
      }),
    );
    expect(text).toMatch(/manuscripts\/03-c\.md:2:1: error: .*title/);
    expect(text).toMatch(/manuscripts\/04-d\.md:5:1: error: 找不到图片/);
  });

  it('should report an empty manuscripts folder at the manuscripts key', async () => {
    expect(await failure({'book.yaml': 'title: 书\nmanuscripts: texts/*.md\n'})).toContain('book.yaml:2:14: error: 没有找到任何稿件');
  });

  it('should report missing and repeated files of an explicit list at their items', async () => {
    const text = await failure({
      'book.yaml': 'title: 书\nmanuscripts:\n  - a.md\n  - gone.md\n  - a.md\n',
      'a.md': manuscript({title: '甲'}, '甲。'),
    });
    expect(text).toContain('book.yaml:4:5: error: 找不到稿件 `gone.md`');
    expect(text).toContain('book.yaml:5:5: error: 稿件 `a.md` 列了两次');
  });

  it('should warn about a declared part without articles and leave it out', async () => {
    const {book, files} = await compile(smallBook({'book.yaml': 'title: 书\nparts:\n  - 村务\n  - 生活\n  - 空着\n'}));
    expect(book.parts.map((p) => p.title)).toEqual(['村务', '生活']);
    expect(formatMessages(files)).toContain('warning: 部分 `空着` 没有稿件');
  });
});
