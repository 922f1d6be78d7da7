import {labelsFor} from '../../src/render/shared/labels.js';
import {describe, expect, it} from 'vitest';
import {compileBook} from '../../src/book/compile.js';
import {loadConfig} from '../../src/config/load.js';
import {chapterBody, chapterHref, partHref, toXhtml, type EpubFile} from '../../src/render/epub/documents.js';
import {bookIdentifier, contentOpf, navBody, opfDate} from '../../src/render/epub/package.js';
import {makeBook, manuscript, smallBook} from '../helpers/book.js';

async function book(extra = {}) {
  return (await compileBook(await loadConfig(await makeBook(smallBook(extra))))).book;
}

describe('EPUB package', () => {
  it('should derive a stable name-based UUID, or take the given identifier', async () => {
    const b = await book();
    const id = bookIdentifier(b);
    expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(bookIdentifier(b)).toBe(id);
    expect(bookIdentifier({...b, meta: {...b.meta, title: '另一本'}})).not.toBe(id);
    expect(bookIdentifier(b, 'urn:isbn:9787000000000')).toBe('urn:isbn:9787000000000');
  });

  it('should write metadata, manifest and spine with the page progression', async () => {
    const b = await book({'book.yaml': 'title: 测试村年鉴\nsubtitle: 副题\nauthor: 村委会 编\nlanguage: zh-Hans\nwritingMode: vertical\n'});
    const files: EpubFile[] = [
      {href: 'nav.xhtml', id: 'nav', mediaType: 'application/xhtml+xml', content: '', properties: 'nav', spine: true},
      {href: 'assets/x.svg', id: 'img', mediaType: 'image/svg+xml', content: ''},
    ];
    const opf = contentOpf(b, files, {identifier: 'urn:uuid:x', modified: new Date('2025-12-01T00:00:00Z')});
    expect(opf).toContain('<dc:title id="subtitle">副题</dc:title>');
    expect(opf).toContain('<meta refines="#creator" property="role" scheme="marc:relators">edt</meta>');
    expect(opf).toContain('<meta property="dcterms:modified">2025-12-01T00:00:00Z</meta>');
    expect(opf).toContain('<meta property="schema:accessMode">visual</meta>');
    expect(opf).toContain('<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>');
    expect(opf).toContain('<spine page-progression-direction="rtl">\n<itemref idref="nav"/>\n</spine>');
    expect(opfDate(new Date('2025-01-02T03:04:05.678Z'))).toBe('2025-01-02T03:04:05Z');
  });

  it('should nest the navigation: parts, articles, their sections; landmarks', async () => {
    const b = await book();
    const nav = toXhtml({type: 'root', children: navBody(b, {cover: 'cover.xhtml', title: 'title.xhtml', nav: 'nav.xhtml'}, labelsFor('zh-Hans'))} as never);
    expect(nav).toContain('<nav id="toc" epub:type="toc" role="doc-toc">');
    expect(nav).toContain(
      '<a href="p01.xhtml">第一部分　村务</a><ol><li><a href="a002.xhtml">村里修了一条路</a><ol><li><a href="a002.xhtml#a2-s1">一、缘起</a>',
    );
    expect(nav).toContain('<a epub:type="bodymatter" href="a001.xhtml">正文</a>');
    expect([chapterHref(b.front[0]!), partHref(b.parts[1]!)]).toEqual(['a001.xhtml', 'p02.xhtml']);
  });

  it('should make chapters with pop-up notes, section ids and no align attributes', async () => {
    const b = await book();
    const html = toXhtml({type: 'root', children: chapterBody(b.parts[0]!.articles[0]!, labelsFor('zh-Hans'))} as never);
    expect(html).toContain('<a class="noteref" epub:type="noteref" role="doc-noteref" href="#m2-fn-1" id="m2-fnref-1">①</a>');
    expect(html).toContain(
      '<aside class="footnote" epub:type="footnote" role="doc-footnote" id="m2-fn-1"><p><a href="#m2-fnref-1">①</a> 在村民大会上提出。</p></aside>',
    );
    expect(html).toContain('<h2 id="a2-s1">');
    expect(html).not.toContain(' align=');
  });

  it('should keep a note’s list and code as blocks, its number before the first paragraph (issue 21)', async () => {
    const b = await book({
      'manuscripts/03-c.md': manuscript({title: '参考', part: '生活'}, '见注[^a]。\n\n[^a]: 几个网页：\n\n    - 第一个\n    - 第二个\n\n    第二段。'),
    });
    const article = b.parts[1]!.articles.find((a) => a.title === '参考')!;
    const html = toXhtml({type: 'root', children: chapterBody(article, labelsFor('zh-Hans'))} as never);
    const aside = /<aside class="footnote"[^>]*>(.*?)<\/aside>/s.exec(html)![1]!;
    expect(aside).toMatch(/^<p><a href="#[^"]+">①<\/a> 几个网页：<\/p>\s*<ul>.*第二个.*<\/ul>\s*<p>第二段。<\/p>$/s);
  });

  it('should leave the book as it was, with notes or without', async () => {
    const table = '## 二、账目\n\n| 项目 | 金额 |\n| :--- | ---: |\n| 道路 | 3万元 |';
    const b = await book({'manuscripts/03-c.md': manuscript({title: '账目公开', date: '2025-06-01', part: '生活'}, table)});
    const before = structuredClone(b.parts);
    const articles = b.parts.flatMap((part) => part.articles);
    expect(articles.some((a) => a.footnotes.length === 0 && JSON.stringify(a.body).includes('"align"'))).toBe(true);
    const html = articles.map((a) => toXhtml({type: 'root', children: chapterBody(a, labelsFor('zh-Hans'))} as never)).join('');
    expect(html).toContain('<td style="text-align: right">3万元</td>');
    expect(b.parts).toEqual(before);
  });
});
