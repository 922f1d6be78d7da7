import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {describe, expect, it} from 'vitest';
import remarkGfmLiteralsWhenPresent from '../../src/markdown/gfm-literals.js';

type Transforms = Array<{transforms?: Array<{name: string}>} | Transforms>;
const transformsOf = (extensions: Transforms): string[] =>
  extensions.flatMap((extension) => (Array.isArray(extension) ? transformsOf(extension) : (extension.transforms ?? []).map((t) => t.name)));

describe('remarkGfmLiteralsWhenPresent', () => {
  const plain = unified().use(remarkParse).use(remarkGfm).freeze();
  const guarded = unified().use(remarkParse).use(remarkGfm).use(remarkGfmLiteralsWhenPresent).freeze();

  it('should find remark-gfm’s search for bare URLs and guard it', () => {
    expect(transformsOf(plain.data('fromMarkdownExtensions') as Transforms)).toContain('transformGfmAutolinkLiterals');
    const names = transformsOf(guarded.data('fromMarkdownExtensions') as Transforms);
    expect(names).not.toContain('transformGfmAutolinkLiterals');
    expect(names).toHaveLength(transformsOf(plain.data('fromMarkdownExtensions') as Transforms).length);
  });

  it('should give the trees remark-gfm gives', () => {
    for (const text of [
      '见 www.example.com 和 a@b.cn，又见 HTTPS://x.org/a 与 xmpp:a@b.cn、mailto:c@d.cn。',
      '纯中文，没有网址。',
      '[链接](http://a.cn) 里的 http 不算，`www.a.cn` 也不算。',
      '字符引用 &#64; 与 &#119;ww.a.cn 和 &commat;。',
      '> 引文 WWW.A.CN\n\n- 列表 a@b.cn',
    ]) {
      expect(guarded.parse(text)).toEqual(plain.parse(text));
      expect(guarded.runSync(guarded.parse(text))).toEqual(plain.runSync(plain.parse(text)));
    }
  });
});
