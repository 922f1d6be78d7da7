import {describe, expect, it} from 'vitest';
import {toHtml} from 'hast-util-to-html';
import {processText} from '../helpers/process.js';

describe('rehypeScopeIds and rehypeExtractFootnotes', () => {
  it('should take footnotes out of the body, keeping calls and scoped ids', async () => {
    const {tree, html, file} = await processText('---\ntitle: 题\n---\n\n正文[^a]，再一处[^b]。\n\n[^a]: 第一条注释。\n[^b]: 第二条\n\n    第二段。', {
      prefix: 'm7',
    });
    expect(html).not.toContain('data-footnotes');
    expect(html).toContain('href="#m7-fn-a"');
    const notes = file.data.footnotes!;
    expect(notes.map((n) => [n.id, n.refId, n.label])).toEqual([
      ['m7-fn-a', 'm7-fnref-a', '1'],
      ['m7-fn-b', 'm7-fnref-b', '2'],
    ]);
    expect(toHtml({type: 'root', children: notes[0]!.children})).toBe('<p>第一条注释。</p>');
    expect(toHtml({type: 'root', children: notes[1]!.children})).toMatch(/^<p>第二条<\/p>\s*<p>第二段。<\/p>$/);
    expect(tree.children.length).toBeGreaterThan(0);
  });

  it('should give two manuscripts with the same footnote label different ids', async () => {
    const text = '---\ntitle: 题\n---\n\n正文[^1]。\n\n[^1]: 注。';
    const one = await processText(text, {prefix: 'm1'});
    const two = await processText(text, {prefix: 'm2'});
    expect(one.file.data.footnotes![0]!.id).not.toBe(two.file.data.footnotes![0]!.id);
  });

  it('should scope heading ids from the same text in different files', async () => {
    const {html} = await processText('---\ntitle: 题\n---\n\n[跳](#x)', {prefix: 'm3'});
    expect(html).toContain('href="#m3-x"');
  });
});
