import {fromHtml} from 'hast-util-from-html';
import {select, selectAll} from 'hast-util-select';
import {toString as textOf} from 'hast-util-to-string';
import {describe, expect, it} from 'vitest';
import {compileBook} from '../../src/book/compile.js';
import {loadConfig} from '../../src/config/load.js';
import {loadSvgs} from '../../src/render/shared/inline-svg.js';
import {printDocument} from '../../src/render/shared/print-document.js';
import {makeBook, smallBook} from '../helpers/book.js';

async function documentOf(files = smallBook()) {
  const {book} = await compileBook(await loadConfig(await makeBook(files)));
  const html = printDocument(book, {stylesheets: ['print.css'], scripts: ['paged.js'], svgs: await loadSvgs(book.assets)});
  return fromHtml(html);
}

describe('printDocument', () => {
  it('should lay out front matter, TOC, front articles and parts in order', async () => {
    const tree = await documentOf();
    const blocks = selectAll('body > *', tree).map((n) => String((n.properties.className as string[])[0]));
    expect(blocks).toEqual(['cover', 'title-page', 'colophon', 'toc', 'article', 'part', 'part']);
    expect(select('html', tree)?.properties.lang).toBe('zh-Hans');
    expect(select('.body-start', tree)?.properties.id).toBe('a1');
  });

  it('should link every TOC entry to an anchor the PDF step can find', async () => {
    const tree = await documentOf();
    const hrefs = selectAll('.toc a', tree).map((a) => String(a.properties.href));
    expect(hrefs).toEqual(['#a1', '#p1', '#a2', '#p2', '#a3']);
    for (const href of hrefs) expect(select(`[data-toc-id="${href.slice(1)}"]`, tree)?.properties.id).toBe(href.slice(1));
    expect(textOf(select('.toc-part .toc-title', tree)!)).toBe('第一部分　村务');
  });

  // Issue 21: wrapped as an inline run beside its articles' list, a part's line lost its style (bold, space before).
  it("should give a part's TOC line a block of its own, not an inline run", async () => {
    const tree = await documentOf();
    expect(selectAll('.toc .inline-run', tree)).toEqual([]);
    expect(selectAll('.toc-part > .toc-part-heading > .toc-link', tree).map((a) => a.properties.href)).toEqual(['#p1', '#p2']);
  });

  it('should open each article with title, byline, date and source', async () => {
    const tree = await documentOf();
    const header = select('#a2 .article-header', tree)!;
    expect(textOf(select('.article-title', header)!)).toBe('村里修了一条路');
    expect(textOf(select('.article-byline', header)!)).toBe('记者 王小明');
    expect(textOf(select('.article-meta', header)!)).toBe('2025年5月2日来源：村广播站');
    expect(select('#a2', tree)?.properties.className).toContain('start-page');
  });

  it('should put footnote text at its call for float: footnote', async () => {
    const tree = await documentOf();
    const note = select('#a2 .footnote', tree)!;
    expect(textOf(note)).toBe('在村民大会上提出。');
    expect(select('#a2 section[data-footnotes]', tree)).toBeUndefined();
  });

  it('should draw SVG figures inline with scoped ids and an accessible name', async () => {
    const tree = await documentOf();
    const svg = select('#a2 figure svg', tree)!;
    expect(svg.properties.ariaLabel).toBe('新修的道路');
    expect(select('#a2 figure img', tree)).toBeUndefined();
  });
});

describe('printDocument for vertical books', () => {
  async function verticalDocument(options: Partial<Parameters<typeof printDocument>[1]> = {}) {
    const {book} = await compileBook(
      await loadConfig(await makeBook(smallBook({'book.yaml': 'title: 测试村年鉴\nwritingMode: vertical\nparts:\n  - 村务\n  - 生活\n'}))),
    );
    return fromHtml(printDocument(book, {stylesheets: [], scripts: [], ...options}));
  }

  it('should gather notes at the article end with circled calls', async () => {
    const tree = await verticalDocument({sections: 'body', notes: 'end'});
    expect(textOf(select('#a2 .note-call', tree)!)).toBe('①');
    expect(textOf(select('#a2 .article-notes', tree)!)).toBe('注释①在村民大会上提出。');
    expect(select('.cover', tree)).toBeUndefined();
  });

  it('should print the front matter with given TOC folios and vertical text', async () => {
    const tree = await verticalDocument({
      sections: 'front',
      tocFolios: new Map([
        ['a1', '1'],
        ['p1', '3'],
        ['a2', '五'],
      ]),
    });
    expect(selectAll('.toc-page', tree).map((n) => textOf(n))).toEqual(['1', '3', '五', '', '']);
    expect(select('html', tree)?.properties.className).toEqual(['mode-vertical']);
    expect(select('.article', tree)).toBeUndefined();
  });

  it('should set short numbers upright in vertical text', async () => {
    const tree = await verticalDocument({sections: 'body'});
    expect(selectAll('#a2 .article-meta .tcy', tree).map((n) => textOf(n))).toEqual(['5', '2']);
  });
});
