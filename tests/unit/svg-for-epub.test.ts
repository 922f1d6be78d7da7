import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {toHtml} from 'hast-util-to-html';
import {describe, expect, it} from 'vitest';
import {loadSvgs, placeSvg} from '../../src/render/shared/inline-svg.js';
import {svgForEpub} from '../../src/svg/for-epub.js';
import {embedBeside} from '../../src/svg/references.js';
import {makeBook} from '../helpers/book.js';
import {png} from '../helpers/images.js';
import {DIAGRAM_SVG, ILLUSTRATOR_SVG, INKSCAPE_SVG} from '../helpers/svg-sources.js';

const svg = (body: string, attributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100"${attributes}>${body}</svg>`;
const clean = (text: string) => svgForEpub(text)!;

describe('SVG made fit for EPUB', () => {
  it('should leave out what EPUBCheck refuses in an Illustrator file and keep all it draws', () => {
    const {svg: out, changes} = clean(ILLUSTRATOR_SVG);
    expect(Object.fromEntries(changes)).toEqual({DOCTYPE: 1, '<foreignObject>': 1, 'enable-background': 3});
    expect(out).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" version="1\.1" x="0px" y="0px" viewBox="0 0 200 100" enable-background="new 0 0 200 100" xml:space="preserve">/,
    );
    expect(out).toContain('<rect class="band" y="60" width="200" height="40" />');
    expect(out).toContain('<circle class="sun" cx="150" cy="40" r="30" />');
    expect(out).toContain('.sun{fill:url(#glow);enable-background:new;}');
    expect(out).toContain('<text transform="matrix(1 0 0 1 20 88)" fill="#FFFFFF" font-family="sans-serif" font-size="14">青溪镇</text>');
    expect(out).not.toMatch(/i:|aipgf|pgf|ENTITY|data-name/);
  });

  it('should move presentation properties an element may not carry into its style, before the style it has', () => {
    const {svg: out, changes} = clean(
      svg(
        '<rect width="9" height="9" paint-order="stroke" font-family="serif" style="fill:red" enable-background="new"/><text writing-mode="vertical-rl" font-weight="350">竖</text>',
      ),
    );
    expect(out).toContain('<rect width="9" height="9" style="paint-order:stroke;font-family:serif;fill:red" />');
    expect(out).toContain('<text style="writing-mode:vertical-rl;font-weight:350">竖</text>');
    expect(Object.fromEntries(changes)).toEqual({'paint-order': 1, 'font-family': 1, 'enable-background': 1, 'writing-mode': 1, 'font-weight': 1});
    // Where an element may have no style, its declarations become the attributes it may have.
    expect(clean(INKSCAPE_SVG).svg).toContain('<feGaussianBlur stdDeviation="1.5" color-interpolation-filters="sRGB" />');
  });

  it('should mend ids XML refuses and follow the references to them; dead ones drawn as browsers draw them', () => {
    const inkscape = clean(INKSCAPE_SVG).svg;
    expect(inkscape).toContain('<linearGradient id="_1水面" x1="0" x2="1">');
    expect(inkscape).toContain('fill="url(#_1水面)"');
    expect(inkscape).toContain('filter="url(#blur_1)"');
    expect(inkscape).not.toMatch(/sodipodi|inkscape|namedview/);
    const {svg: out} = clean(
      svg(
        '<rect id="r" width="1" height="1" fill="url(#r)"/><rect id="r" width="2" height="2" fill="url(#gone) green" clip-path="url(#gone)"/>' +
          '<rect width="3" height="3" stroke="url(http://example.invalid/p.svg#x)"/><use xlink:href="#gone"/><use href="#r"/>',
      ),
    );
    expect(out).toContain('<rect id="r" width="1" height="1" fill="none" />');
    expect(out).toContain('<rect id="r-2" width="2" height="2" fill="green" />');
    expect(out).toContain('<rect width="3" height="3" stroke="none" />');
    expect(out).toContain('<use xlink:href="#r" />');
    expect(out.match(/<use/g)).toHaveLength(1);
  });

  it('should keep a diagram’s HTML labels as XHTML, and leave out its link, script, handlers and picture from the web', () => {
    const {svg: out, changes} = clean(DIAGRAM_SVG);
    expect(out).toContain('<span style="font-size:14px"><b>村委会</b></span><div style="text-align:left">• 议事<br />• 公开</div>');
    expect(out).toContain('<g><rect x="120" y="10" width="90" height="60" fill="#dae8fc" stroke="#6c8ebf" /></g>');
    expect(out).not.toMatch(/<a |<script|onclick|example\.invalid|content=|<font/);
    expect(Object.fromEntries(changes)).toEqual({content: 1, '<a>': 1, 'on… 脚本': 1, '<script>': 1, 外部引用: 1});
  });

  it('should embed a picture saved beside the drawing', async () => {
    const dir = await makeBook({'pic.png': png(2, 2)});
    const file = path.join(dir, 'drawing.svg');
    await writeFile(file, svg('<image width="2" height="2" xlink:href="pic.png"/><image width="2" height="2" xlink:href="missing.png"/>'));
    const {svg: out, changes} = svgForEpub(
      svg('<image width="2" height="2" xlink:href="pic.png"/><image width="2" height="2" xlink:href="missing.png"/>'),
      embedBeside(file),
    )!;
    expect(out).toContain(`<image width="2" height="2" xlink:href="data:image/png;base64,${png(2, 2).toString('base64')}" />`);
    expect(out.match(/<image/g)).toHaveLength(1);
    expect(Object.fromEntries(changes)).toEqual({嵌入的图片: 1, 外部引用: 1});
  });

  it('should read the encoding a file declares and write UTF-8', () => {
    const gbk = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="GBK"?><svg xmlns="http://www.w3.org/2000/svg"><text>'),
      Buffer.from('babad7d6', 'hex'),
      Buffer.from('</text></svg>'),
    ]);
    expect(svgForEpub(gbk)).toEqual({
      svg: '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"><text>汉字</text></svg>\n',
      changes: new Map([['GBK 编码', 1]]),
    });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<svg><text>汉字</text></svg>', 'utf16le')]);
    expect(svgForEpub(utf16)!.svg).toContain('<text>汉字</text>');
  });

  it('should leave out style sheets and declarations no CSS parser reads', () => {
    const {svg: out} = clean(
      svg('<style>这不是样式表</style><style>.a{fill:red}@media print{.a{fill:blue}}</style><rect width="1" height="1" style="10;fill:red;x{"/>'),
    );
    expect(out).toContain('<style>.a{fill:red}@media print{.a{fill:blue}}</style><rect width="1" height="1" style="fill:red" />');
    expect(out.match(/<style/g)).toHaveLength(1);
  });

  it('should give back the same file when it cleans one twice, and nothing for a file without an svg element', () => {
    for (const source of [ILLUSTRATOR_SVG, INKSCAPE_SVG, DIAGRAM_SVG]) {
      const once = clean(source).svg;
      expect(clean(once)).toEqual({svg: once, changes: new Map()});
    }
    expect(svgForEpub('<html><body>不是图</body></html>')).toBeUndefined();
  });

  it('should leave a cleaned drawing one the print document inlines, its ids scoped with their references', async () => {
    const dir = await makeBook({'river.svg': clean(INKSCAPE_SVG).svg});
    const tree = (await loadSvgs([{url: 'u', path: path.join(dir, 'river.svg'), mediaType: 'image/svg+xml'}])).get('u')!;
    const html = toHtml(placeSvg(tree, 'a1-svg1', '河道'));
    expect(html).toContain('id="a1-svg1-_1水面"');
    expect(html).toContain('fill="url(#a1-svg1-_1水面)"');
    expect(html).toContain('filter="url(#a1-svg1-blur_1)"');
    expect(html).toContain('style="paint-order:stroke;vector-effect:non-scaling-stroke"');
  });
});
