import {describe, expect, it} from 'vitest';
import {compileBook} from '../../src/book/compile.js';
import {checkWrittenScript, convertedText, convertTree, setScript, traditionalText} from '../../src/book/script-conversion.js';
import {articlesOf, type Book} from '../../src/model/book.js';
import {loadConfig, type LoadedConfig} from '../../src/config/load.js';
import {toHtml} from 'hast-util-to-html';
import {makeBook, smallBook} from '../helpers/book.js';

/** Compile a book folder as a build with `--to language` would, before its script is set. */
async function compiled(dir: string, to?: string): Promise<{book: Book; loaded: LoadedConfig}> {
  const loaded = await loadConfig(dir);
  const {book} = await compileBook({...loaded, config: {...loaded.config, ...(to ? {language: to} : {})}});
  return {book, loaded};
}

describe('Simplified and Traditional Chinese', () => {
  it('should convert characters, Taiwan vocabulary and quotes', () => {
    expect(traditionalText('zh-TW')('“一户一码”让网格服务更精准，‘软件’')).toBe('「一戶一碼」讓網格服務更精準，『軟體』');
    expect(traditionalText('zh-HK')('软件')).toBe('軟件');
    expect(traditionalText('zh-Hant')('发展')).toBe('發展');
  });

  it('should convert Traditional to Simplified with mainland quotes', () => {
    expect(convertedText('zh-TW', 'zh-Hans')('「一戶一碼」讓網格服務更精準，『軟體』')).toBe('“一户一码”让网格服务更精准，‘软件’');
  });

  it('should convert the whole book model but code with --to', async () => {
    const dir = await makeBook(
      smallBook({
        'book.yaml': 'title: 测试村年鉴\nparts:\n  - 村务\n  - 生活\n',
        'manuscripts/03-c.md': '---\ntitle: 代码\npart: 生活\n---\n\n`发展` 与发展',
      }),
    );
    const {book} = await compiled(dir, 'zh-TW');
    setScript(book, 'zh-Hans');
    expect(book.meta.convertedFrom).toBe('zh-Hans');
    expect(book.meta.title).toBe('測試村年鑑');
    expect(book.parts.map((p) => p.title)).toEqual(['村務', '生活']);
    const code = book.parts[1]!.articles.find((a) => a.file.endsWith('03-c.md'))!;
    expect(toHtml(code.body)).toBe('<p><code>发展</code> 與發展</p>');
    expect(toHtml({type: 'root', children: book.parts[0]!.articles[0]!.footnotes[0]!.children})).toBe('<p>在村民大會上提出。</p>');
  });

  it('should convert the book text by text, as if each were converted alone', async () => {
    const pieces = {
      'book.yaml': 'title: 测试村年鉴\nparts:\n  - 村务\n  - 生活\n',
      'manuscripts/03-c.md': '---\ntitle: “软件”\npart: 生活\ntags: [软件, 发展]\n---\n\n软*件*发展，**头**发，干部‘软’件。\n',
    };
    // Ideographic description characters are converted text by text.
    const described = {'manuscripts/04-d.md': '---\ntitle: 描述字符\npart: 生活\n---\n\n⿰氵青与⿱艹\n\n发展⿰\n\n软件\n'};
    for (const extra of [pieces, {...pieces, ...described}]) {
      const dir = await makeBook(smallBook(extra));
      const {book} = await compiled(dir, 'zh-HK');
      const {book: alone} = await compiled(dir, 'zh-HK');
      setScript(book, 'zh-Hans');
      alone.meta.convertedFrom = 'zh-Hans';
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
        convertTree(article.body, text);
        for (const note of article.footnotes) convertTree({type: 'root', children: note.children}, text);
      }
      expect(book).toEqual(alone);
      expect(articlesOf(book).find((a) => a.file.endsWith('03-c.md'))?.tags).toEqual(['軟件', '發展']);
    }
  });

  // Issue 21, defect 1: a book written in Traditional was run through Simplified → Traditional
  // conversion (游標 → 遊標, 干擾 → 幹擾, 社群 → 社羣).
  const written = {
    'book.yaml': 'title: 測試村年鑑\nlanguage: zh-TW\nparts:\n  - 村務\n',
    'manuscripts/01-a.md': '---\ntitle: 游標與社群\npart: 村務\nsource: 村里廣播站\n---\n\n把游標移開，別“干擾”社群的‘討論’。裡面的系统说明\n',
  };

  it('should keep every character of a book written in Traditional, with Traditional quotes (issue 21)', async () => {
    const dir = await makeBook(written);
    const {book} = await compiled(dir);
    setScript(book, 'zh-TW');
    expect(book.meta.convertedFrom).toBeUndefined();
    const article = articlesOf(book)[0]!;
    expect(article.title).toBe('游標與社群');
    expect(article.source).toBe('村里廣播站');
    // Even the two Simplified characters the author typed stay: nothing is converted.
    expect(toHtml(article.body)).toBe('<p>把游標移開，別「干擾」社群的『討論』。裡面的系统说明</p>');
    // --to another Traditional region does not convert either.
    const {book: retagged} = await compiled(dir, 'zh-HK');
    setScript(retagged, 'zh-TW');
    expect(toHtml(articlesOf(retagged)[0]!.body)).toContain('游標移開');
  });

  it('should convert a Traditional book to Simplified with --to zh-Hans', async () => {
    const {book} = await compiled(await makeBook(written), 'zh-Hans');
    setScript(book, 'zh-TW');
    expect(book.meta.convertedFrom).toBe('zh-TW');
    expect(articlesOf(book)[0]!.title).toBe('光标与社区');
    expect(toHtml(articlesOf(book)[0]!.body)).toContain('“干扰”');
  });

  it('should warn at book.yaml’s language when a Traditional book’s manuscripts are Simplified', async () => {
    const simplified = await makeBook(smallBook({'book.yaml': 'title: 测试村年鉴\nlanguage: zh-TW\nparts:\n  - 村务\n  - 生活\n'}));
    const a = await compiled(simplified);
    checkWrittenScript(a.book, a.loaded);
    expect(a.loaded.file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['2:11 language']);
    expect(a.loaded.file.messages[0]!.reason).toContain('--to zh-TW');

    const traditional = await compiled(
      await makeBook({
        ...written,
        'manuscripts/01-a.md': '---\ntitle: 游標與社群\npart: 村務\n---\n\n把游標移開，別干擾社群的討論。村裡的廣播站每週播報兩次。\n',
      }),
    );
    checkWrittenScript(traditional.book, traditional.loaded);
    expect(traditional.loaded.file.messages).toEqual([]);
  });

  it('should warn at book.yaml’s title when a Simplified book’s manuscripts are Traditional', async () => {
    // No language key: the message stands at the map's first key.
    const {book, loaded} = await compiled(await makeBook({...written, 'book.yaml': 'title: 測試村年鑑\nparts:\n  - 村務\n'}));
    checkWrittenScript(book, loaded);
    expect(loaded.file.messages.map((m) => m.reason)).toEqual([expect.stringContaining('书稿看来是繁体字')]);
  });
});
