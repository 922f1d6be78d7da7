import {describe, expect, it} from 'vitest';
import {compileBook} from '../../src/book/compile.js';
import {toTraditional, traditionalText} from '../../src/book/traditional.js';
import {loadConfig} from '../../src/config/load.js';
import {toHtml} from 'hast-util-to-html';
import {makeBook, smallBook} from '../helpers/book.js';

describe('Traditional Chinese', () => {
  it('should convert characters, Taiwan vocabulary and quotes', () => {
    expect(traditionalText('zh-TW')('“一户一码”让网格服务更精准，‘软件’')).toBe('「一戶一碼」讓網格服務更精準，『軟體』');
    expect(traditionalText('zh-HK')('软件')).toBe('軟件');
    expect(traditionalText('zh-Hant')('发展')).toBe('發展');
  });

  it('should convert the whole book model but code', async () => {
    const dir = await makeBook(
      smallBook({
        'book.yaml': 'title: 测试村年鉴\nlanguage: zh-TW\nparts:\n  - 村务\n  - 生活\n',
        'manuscripts/03-c.md': '---\ntitle: 代码\npart: 生活\n---\n\n`发展` 与发展',
      }),
    );
    const {book} = await compileBook(await loadConfig(dir));
    toTraditional(book);
    expect(book.meta.title).toBe('測試村年鑑');
    expect(book.parts.map((p) => p.title)).toEqual(['村務', '生活']);
    const code = book.parts[1]!.articles.find((a) => a.file.endsWith('03-c.md'))!;
    expect(toHtml(code.body)).toBe('<p><code>发展</code> 與發展</p>');
    expect(toHtml({type: 'root', children: book.parts[0]!.articles[0]!.footnotes[0]!.children})).toBe('<p>在村民大會上提出。</p>');
  });
});
