import fc from 'fast-check';
import type {Link, Nodes, Paragraph, Root} from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {describe, expect, it} from 'vitest';
import remarkGfmLiterals from '../../src/markdown/gfm-literals.js';

type Transforms = Array<{transforms?: Array<{name: string}>} | Transforms>;
const transformsOf = (extensions: Transforms): string[] =>
  extensions.flatMap((extension) => (Array.isArray(extension) ? transformsOf(extension) : (extension.transforms ?? []).map((t) => t.name)));

const plain = unified().use(remarkParse).use(remarkGfm).freeze();
const fitted = unified().use(remarkParse).use(remarkGfm).use(remarkGfmLiterals).freeze();

const tree = (text: string) => fitted.runSync(fitted.parse(text)) as Root;
const inline = (text: string) => (tree(text).children[0] as Paragraph).children;

/** The paragraph as `[text, href]` for a link and the value of anything else. */
const pieces = (text: string) =>
  inline(text).map((node) => (node.type === 'link' ? [(node.children[0] as {value: string}).value, node.url] : 'value' in node ? node.value : node.type));

/** Every link in the tree, as `[text, href]`. */
function links(root: Root): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  const walk = (node: Nodes) => {
    if (node.type === 'link') found.push([(node.children[0] as {value: string}).value, node.url]);
    else if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(root);
  return found;
}

/** `www.` before what no URL holds: GFM links `www` alone there, huibian nothing. */
const WWW_ALONE = /www\.(?![\x21-\x3b\x3d-\x7e])/i;

describe('remarkGfmLiterals', () => {
  it('should find remark-gfm’s search for bare URLs and guard it', () => {
    expect(transformsOf(plain.data('fromMarkdownExtensions') as Transforms)).toContain('transformGfmAutolinkLiterals');
    const names = transformsOf(fitted.data('fromMarkdownExtensions') as Transforms);
    expect(names).not.toContain('transformGfmAutolinkLiterals');
    expect(names).toHaveLength(transformsOf(plain.data('fromMarkdownExtensions') as Transforms).length);
  });

  it('should give the trees remark-gfm gives where a space ends each URL', () => {
    for (const text of [
      '见 www.example.com 和 a@b.cn，又见 HTTPS://x.org/a 与 xmpp:a@b.cn、mailto:c@d.cn。',
      '纯中文，没有网址。',
      '[链接](http://a.cn) 里的 http 不算，`www.a.cn` 也不算。',
      '字符引用 &#64; 与 &#119;ww.a.cn 和 &commat;。',
      '> 引文 WWW.A.CN\n\n- 列表 a@b.cn',
      'see http://a.b/(c)d), http://localhost:8080/x?y=1&amp; and www.x.org/a_b_ or [http://a.cn/x](http://b.cn).',
    ]) {
      expect(fitted.parse(text)).toEqual(plain.parse(text));
      expect(fitted.runSync(fitted.parse(text))).toEqual(plain.runSync(plain.parse(text)));
    }
  });

  it('should end a bare URL at the Han character or full-width mark after it (issue 21 defect 4)', () => {
    expect(pieces('详见https://example.org/a.html。下一句话在这里。')).toEqual([
      '详见',
      ['https://example.org/a.html', 'https://example.org/a.html'],
      '。下一句话在这里。',
    ]);
    expect(pieces('（详见https://a.org/x?q=1）')).toEqual(['（详见', ['https://a.org/x?q=1', 'https://a.org/x?q=1'], '）']);
    expect(pieces('访问https://a.org/doc/即可')).toEqual(['访问', ['https://a.org/doc/', 'https://a.org/doc/'], '即可']);
    expect(pieces('见https://a.org/x&amp;中文')).toEqual(['见', ['https://a.org/x', 'https://a.org/x'], '&中文']);
  });

  it('should keep the place of the text after the URL', () => {
    const source = '第一行\n详见https://example.org/a.html。下一句。';
    const [, link, rest] = inline(source) as [unknown, Link, {position: {start: {line: number; column: number; offset: number}}}];
    expect(link.position).toMatchObject({start: {line: 2, column: 3}, end: {line: 2, column: 29}});
    expect(rest.position.start).toEqual({line: 2, column: 29, offset: 32});
    expect(source.slice(rest.position.start.offset)).toBe('。下一句。');
  });

  it('should leave what follows a URL to be read as Markdown', () => {
    expect(pieces('详见https://a.org/x。这是**重点**，还有`代码`。')).toEqual([
      '详见',
      ['https://a.org/x', 'https://a.org/x'],
      '。这是',
      'strong',
      '，还有',
      '代码',
      '。',
    ]);
    expect(pieces('详见https://a.org/x。[^1]\n\n[^1]: 注')).toEqual(['详见', ['https://a.org/x', 'https://a.org/x'], '。', 'footnoteReference']);
    expect(pieces('见https://a.org/x。又见[链接](http://b.cn)和https://c.org/y。')).toEqual([
      '见',
      ['https://a.org/x', 'https://a.org/x'],
      '。又见',
      ['链接', 'http://b.cn'],
      '和',
      ['https://c.org/y', 'https://c.org/y'],
      '。',
    ]);
  });

  it('should leave out trailing ASCII marks as GFM does, keeping parentheses that close in the URL', () => {
    expect(pieces('网址(https://a.org/x)。')).toEqual(['网址(', ['https://a.org/x', 'https://a.org/x'], ')。']);
    expect(pieces('见https://a.org/x_(y)。')).toEqual(['见', ['https://a.org/x_(y)', 'https://a.org/x_(y)'], '。']);
    expect(pieces('见https://a.org/x.,;:!?。')).toEqual(['见', ['https://a.org/x', 'https://a.org/x'], '.,;:!?。']);
  });

  it('should end e-mail addresses and www. addresses the same way', () => {
    expect(pieces('来信请寄xx@example.org。谢谢')).toEqual(['来信请寄', ['xx@example.org', 'mailto:xx@example.org'], '。谢谢']);
    expect(pieces('登录www.gov.cn查询。')).toEqual(['登录', ['www.gov.cn', 'http://www.gov.cn'], '查询。']);
    expect(pieces('见 www.a.org/x。好')).toEqual(['见 ', ['www.a.org/x', 'http://www.a.org/x'], '。好']);
  });

  it('should link no Chinese, not even a domain written in it', () => {
    expect(links(tree('见 https://中文.com 好'))).toEqual([]);
    for (const [, href] of links(tree('见 www.中文.org/x。好，又见,www.a.org/中文，&#104;ttp://b.org/中文。'))) expect(href).toMatch(/^[\x21-\x7e]+$/);
  });

  it('should end the URLs remark-gfm’s search finds in text the same way', () => {
    expect(pieces('见,www.a.cn。好')).toEqual(['见,', ['www.a.cn', 'http://www.a.cn'], '。好']);
    expect(pieces('见 &#104;ttps://a.org/x。好')).toEqual(['见 ', ['https://a.org/x', 'https://a.org/x'], '。好']);
  });

  it('should keep a URL in angle brackets as written, Chinese and all', () => {
    expect(pieces('见<https://zh.wikipedia.org/wiki/汉字>。')).toEqual([
      '见',
      ['https://zh.wikipedia.org/wiki/汉字', 'https://zh.wikipedia.org/wiki/汉字'],
      '。',
    ]);
    expect(pieces('见 https://zh.wikipedia.org/wiki/汉字 。')).toEqual([
      '见 ',
      ['https://zh.wikipedia.org/wiki/', 'https://zh.wikipedia.org/wiki/'],
      '汉字 。',
    ]);
  });

  it('should link in Chinese text what remark-gfm links where spaces stand for the Chinese', () => {
    const unit = fc.constantFrom(
      ...['http://', 'https://', 'HTTP://', 'www.', 'a', 'b1', 'x.org', '.', ',', ';', ':', '!', '?', '/', '-', "'", '"'],
      ...['(', ')', '&', '&amp;', '@', '=', '#', '%20', '汉', '字', '。', '，', '）', '（', '：', '𠀀'],
    );
    // No `*`, `_` or `~`: a space beside one decides whether it is emphasis, which Chinese does not.
    fc.assert(
      fc.property(fc.array(unit, {maxLength: 24}), (units) => {
        const text = `x ${units.join('')}`;
        const spaced = text.replace(/\P{ASCII}/gu, ' ');
        fc.pre(!WWW_ALONE.test(spaced));
        expect(links(tree(text))).toEqual(links(plain.runSync(plain.parse(spaced)) as Root));
      }),
      {numRuns: 3000},
    );
  });

  it('should give remark-gfm’s tree for text without Chinese', () => {
    const unit = fc.constantFrom(
      ...['http://', 'https://', 'www.', 'a', 'b1', 'x.org', '.', ',', ';', ':', '!', '?', '/', '-', '_', '~', '*', "'", '"'],
      ...['(', ')', '&', '&amp;', '@', '=', '#', ' ', '[', ']', '<', '>', '`', '\\'],
    );
    fc.assert(
      fc.property(fc.array(unit, {maxLength: 24}), (units) => {
        const text = `x ${units.join('')}`;
        fc.pre(!WWW_ALONE.test(text));
        expect(tree(text)).toEqual(plain.runSync(plain.parse(text)));
      }),
      {numRuns: 3000},
    );
  });
});
