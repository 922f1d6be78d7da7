import {describe, expect, it} from 'vitest';
import {compileBook} from '../../src/book/compile.js';
import {toTraditional, traditionalText, traditionalTree} from '../../src/book/traditional.js';
import {articlesOf} from '../../src/model/book.js';
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

  it('should convert the book text by text, as if each were converted alone', async () => {
    const pieces = {
      'book.yaml': 'title: 测试村年鉴\nlanguage: zh-HK\nparts:\n  - 村务\n  - 生活\n',
      'manuscripts/03-c.md': '---\ntitle: “软件”\npart: 生活\ntags: [软件, 发展]\n---\n\n软*件*发展，**头**发，干部‘软’件。\n',
    };
    // Ideographic description characters are converted text by text.
    const described = {'manuscripts/04-d.md': '---\ntitle: 描述字符\npart: 生活\n---\n\n⿰氵青与⿱艹\n\n发展⿰\n\n软件\n'};
    for (const extra of [pieces, {...pieces, ...described}]) {
      const dir = await makeBook(smallBook(extra));
      const {book} = await compileBook(await loadConfig(dir));
      const {book: alone} = await compileBook(await loadConfig(dir));
      toTraditional(book);
      const text = traditionalText('zh-HK');
      alone.meta.title = text(alone.meta.title);
      alone.meta.runningHead = text(alone.meta.runningHead);
      for (const key of ['subtitle', 'author', 'publisher'] as const) if (alone.meta[key]) alone.meta[key] = text(alone.meta[key]);
      for (const part of alone.parts) part.title = text(part.title);
      for (const article of articlesOf(alone)) {
        article.title = text(article.title);
        article.runningHead = text(article.runningHead);
        for (const key of ['subtitle', 'author', 'source'] as const) if (article[key]) article[key] = text(article[key]);
        article.tags = article.tags.map(text);
        traditionalTree(article.body, text);
        for (const note of article.footnotes) traditionalTree({type: 'root', children: note.children}, text);
      }
      expect(book).toEqual(alone);
      expect(articlesOf(book).find((a) => a.file.endsWith('03-c.md'))?.tags).toEqual(['軟件', '發展']);
    }
  });
});
