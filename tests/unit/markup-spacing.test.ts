import type {Root} from 'hast';
import {toHtml} from 'hast-util-to-html';
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {spaceWithMarkup} from '../../src/render/shared/adapt.js';
import {spacedPieces} from '../../src/typography/markup-spacing.js';

describe('spacing and squeeze as markup (rules 5, 8 for readers without the CSS)', () => {
  it('should mark Latin and digit runs next to Han', () => {
    expect(spacedPieces('全镇8个村开通5G，APP下载1.2万次。Hello world')).toEqual([
      {text: '全镇'},
      {text: '8', className: 'space-both'},
      {text: '个村开通'},
      {text: '5G', className: 'space-before'},
      {text: '，'},
      {text: 'APP', className: 'space-after'},
      {text: '下载'},
      {text: '1.2', className: 'space-both'},
      {text: '万次。Hello world'},
    ]);
  });

  it('should squeeze the first of two adjacent marks and the second of two openers', () => {
    const squeezed = (text: string) =>
      spacedPieces(text)
        .filter((p) => p.className?.startsWith('squeeze'))
        .map((p) => `${p.text}${p.className === 'squeeze-start' ? '<' : ''}`);
    expect(squeezed('他说：“好。”（完）（续）、《志》（《书》）')).toEqual(['：', '。', '”', '）', '）', '、', '》', '《<', '》']);
  });

  it('should give the text back whole', () => {
    fc.assert(
      fc.property(
        fc.string({unit: fc.constantFrom(...'镇村aZ09. ，。“”（）《》、：')}),
        (text) =>
          spacedPieces(text)
            .map((p) => p.text)
            .join('') === text,
      ),
    );
  });

  it('should wrap pieces in spans, never inside code or ruby text', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'p',
          properties: {},
          children: [
            {type: 'text', value: '开通5G。”'},
            {type: 'element', tagName: 'code', properties: {}, children: [{type: 'text', value: '镇5G'}]},
          ],
        },
      ],
    };
    spaceWithMarkup(tree);
    expect(toHtml(tree)).toBe('<p>开通<span class="space-before">5G</span><span class="squeeze-end">。</span>”<code>镇5G</code></p>');
  });
});
