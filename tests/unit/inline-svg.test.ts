import {toHtml} from 'hast-util-to-html';
import {describe, expect, it} from 'vitest';
import {loadSvgs, placeSvg} from '../../src/render/shared/inline-svg.js';
import {makeBook} from '../helpers/book.js';

const unsafe = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">
  <style>body { display: none }</style>
  <script>alert(2)</script>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient></defs>
  <rect width="10" height="10" fill="url(#g)"/>
  <use xlink:href="#g"/>
  <image href="http://example.com/x.png"/>
  <foreignObject><p>html</p></foreignObject>
  <text x="1" y="5">标签</text>
</svg>`;

describe('inline SVG', () => {
  it('should drop scripts, styles, handlers and outside links', async () => {
    const dir = await makeBook({'a.svg': unsafe});
    const svgs = await loadSvgs([{url: 'assets/a.svg', path: `${dir}/a.svg`, mediaType: 'image/svg+xml'}]);
    const html = toHtml(svgs.get('assets/a.svg')!);
    expect(html).not.toMatch(/script|style|onload|example\.com|foreignObject|alert/i);
    expect(html).toContain('viewBox="0 0 10 10"');
    expect(html).toContain('标签');
  });

  it('should scope ids and the references to them for each placement', async () => {
    const dir = await makeBook({'a.svg': unsafe});
    const svg = (await loadSvgs([{url: 'u', path: `${dir}/a.svg`, mediaType: 'image/svg+xml'}])).get('u')!;
    const html = toHtml(placeSvg(svg, 'a3-svg1', '说明'));
    expect(html).toContain('id="a3-svg1-g"');
    expect(html).toContain('fill="url(#a3-svg1-g)"');
    expect(html).toContain('xlink:href="#a3-svg1-g"');
    expect(html).toContain('aria-label="说明"');
    // The loaded tree itself is left alone for the next placement.
    expect(toHtml(svg)).toContain('id="g"');
  });

  it('should convert a drawing’s text only in a book converted to the other script (issue 21)', async () => {
    const dir = await makeBook({'a.svg': '<svg xmlns="http://www.w3.org/2000/svg"><text>游標“干擾”</text><text>发展</text></svg>'});
    const text = async (meta: {language: string; convertedFrom?: string}) =>
      toHtml((await loadSvgs([{url: 'u', path: `${dir}/a.svg`, mediaType: 'image/svg+xml'}], meta)).get('u')!);
    // Written in Traditional: drawn as written, every character.
    expect(await text({language: 'zh-Hant'})).toContain('<text>游標“干擾”</text><text>发展</text>');
    expect(await text({language: 'zh-TW', convertedFrom: 'zh-Hans'})).toContain('<text>發展</text>');
  });

  it('should ignore non-SVG assets', async () => {
    expect((await loadSvgs([{url: 'u', path: '/none.png', mediaType: 'image/png'}])).size).toBe(0);
  });
});
