import {describe, expect, it} from 'vitest';
import {processText} from '../helpers/process.js';
import {makeBook} from '../helpers/book.js';

const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';

describe('rehypeFigure', () => {
  it('should make a lone image a figure captioned by its alt text', async () => {
    const dir = await makeBook({'images/a.svg': svg});
    const {html} = await processText('---\ntitle: 题\n---\n\n![新桥通车](images/a.svg)', {dir});
    expect(html).toMatch(/^<figure><img src="assets\/[0-9a-f]{10}\.svg" alt="新桥通车"><figcaption>新桥通车<\/figcaption><\/figure>$/);
  });

  it('should take a following ▲ paragraph as the caption and drop the triangle', async () => {
    const dir = await makeBook({'images/a.svg': svg});
    const {html} = await processText('---\ntitle: 题\n---\n\n![](images/a.svg)\n\n▲ 镇区示意图（规划办供图）\n\n下一段。', {dir});
    expect(html).toContain('<figcaption>镇区示意图（规划办供图）</figcaption></figure>');
    expect(html).toContain('<p>下一段。</p>');
    expect(html).not.toContain('▲');
  });

  it('should prefer the image title as caption', async () => {
    const dir = await makeBook({'images/a.svg': svg});
    const {html} = await processText('---\ntitle: 题\n---\n\n![替代文字](images/a.svg "图注")', {dir});
    expect(html).toContain('<figcaption>图注</figcaption>');
  });

  it('should warn about a figure without caption', async () => {
    const dir = await makeBook({'images/a.svg': svg});
    const {file} = await processText('---\ntitle: 题\n---\n\n![](images/a.svg)', {dir});
    expect(file.messages.map((m) => m.ruleId)).toEqual(['figure-caption']);
  });

  it('should leave images inside text alone', async () => {
    const dir = await makeBook({'images/a.svg': svg});
    const {html} = await processText('---\ntitle: 题\n---\n\n文字![图](images/a.svg)文字', {dir});
    expect(html).toMatch(/^<p>文字<img/);
  });
});
