import type {Root} from 'hast';
import {toHtml} from 'hast-util-to-html';
import {describe, expect, it} from 'vitest';
import {runStyle, verticalize, verticalQuotes} from '../../src/typography/vertical.js';

const html = (value: string, tag = 'p') => {
  const tree: Root = {type: 'root', children: [{type: 'element', tagName: tag, properties: {}, children: [{type: 'text', value}]}]};
  verticalize(tree);
  return toHtml(tree);
};

describe('vertical typography', () => {
  it('should decide how each ASCII run stands', () => {
    const cases: Array<[string, string]> = [
      ['3', 'combine'],
      ['12', 'combine'],
      ['5G', 'combine'],
      ['2025', 'sideways'],
      ['97.5%', 'sideways'],
      ['GDP', 'upright'],
      ['APP', 'upright'],
      ['UNESCO', 'sideways'],
      ['Wi', 'sideways'],
      ['ab', 'sideways'],
    ];
    for (const [run, style] of cases) expect([run, runStyle(run)]).toEqual([run, style]);
  });

  it('should turn quotes into corner brackets, mainland style', () => {
    expect(verticalQuotes('他说：“这叫‘一户一码’。”')).toBe('他说：『这叫「一户一码」。』');
  });

  it('should wrap short numbers and acronyms, leave years and decimals sideways', () => {
    expect(html('2025年3月12日，GDP增长6.1%，8个村实现5G覆盖')).toBe(
      '<p>2025年<span class="tcy">3</span>月<span class="tcy">12</span>日，<span class="upright">GDP</span>增长6.1%，<span class="tcy">8</span>个村实现<span class="tcy">5G</span>覆盖</p>',
    );
  });

  it('should leave tables and code horizontal, and be idempotent', () => {
    expect(html('第12行“甲”', 'table')).toBe('<table>第12行“甲”</table>');
    expect(html('x = 12', 'code')).toBe('<code>x = 12</code>');
    const tree: Root = {type: 'root', children: [{type: 'element', tagName: 'p', properties: {}, children: [{type: 'text', value: '第12届“村晚”'}]}]};
    verticalize(tree);
    const once = toHtml(tree);
    verticalize(tree);
    expect(toHtml(tree)).toBe(once);
  });
});
