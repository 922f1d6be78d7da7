import {readFile, readdir} from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import {PNG} from 'pngjs';
import {describe, expect, it} from 'vitest';
import {launchBrowser} from '../../src/render/pdf/browser.js';
import {svgForEpub} from '../../src/svg/for-epub.js';
import {makeBook, manuscript} from '../helpers/book.js';
import {huibian} from '../helpers/cli.js';
import {epubcheck} from '../helpers/epub-tools.js';
import {manualPage} from '../helpers/import-sources.js';
import {DIAGRAM_SVG, ILLUSTRATOR_SVG, INKSCAPE_SVG} from '../helpers/svg-sources.js';

describe('an imported manual as EPUB', () => {
  it('should import a page with its own contents and drawing-program SVGs into an EPUB that passes EPUBCheck', async () => {
    const dir = await makeBook({
      'book.yaml': 'title: 村务公开\n',
      'inbox/manual.html': manualPage(['manual_files/logo.svg', 'manual_files/river.svg', 'manual_files/chart.svg']),
      'inbox/manual_files/logo.svg': ILLUSTRATOR_SVG,
      'inbox/manual_files/river.svg': INKSCAPE_SVG,
      'inbox/manual_files/chart.svg': DIAGRAM_SVG,
      // Put in the book by hand, not imported: the EPUB writer makes it fit too.
      'manuscripts/by-hand.md': manuscript({title: '手绘的图'}, '![河道](images/river.svg)'),
      'manuscripts/images/river.svg': INKSCAPE_SVG,
    });
    const imported = await huibian(['import', 'inbox/manual.html'], {cwd: dir});
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/标题“村务公开手册”；日期 2024-01-31；/);
    expect(imported.stderr).toMatch(/；3 张 SVG 按 EPUB 的要求改写（enable-background 3 处、/);
    expect(imported.stderr).toMatch(/；删去 页内目录、返回顶部链接、/);
    const text = await readFile(path.join(dir, 'manuscripts', 'manual.md'), 'utf8');
    expect(text).toMatch(/^---\ntitle: 村务公开手册\ndate: 2024-01-31\n---\n\n## 1\\. 村务公开的范围\n/);
    expect(text).not.toMatch(/目录|出版日期|返回顶部|subtitle/);
    const saved = await readdir(path.join(dir, 'manuscripts', 'images', 'manual'));
    expect(saved).toHaveLength(3);
    for (const file of saved)
      expect(await readFile(path.join(dir, 'manuscripts', 'images', 'manual', file), 'utf8')).not.toMatch(
        /<(?!svg)\w+ [^>]*enable-background=|DOCTYPE|<script|sodipodi/,
      );

    const build = await huibian(['build', '.', '--format', 'epub'], {cwd: dir});
    expect(build.code, build.stderr).toBe(0);
    const check = await epubcheck(path.join(dir, 'build', 'book.epub'));
    expect(check.report).toContain('No errors or warnings detected');
    expect(check.ok).toBe(true);
  });

  it('should make any drawing, however it is written, one that EPUBCheck passes', async () => {
    // Elements, attributes and values as programs write them and as none should: SVG 1.1's, SVG 2's, editors', HTML's, junk.
    const names = fc.constantFrom(
      ...'svg g defs symbol use image switch style path rect circle ellipse polygon text tspan textPath a linearGradient stop pattern clipPath mask filter feBlend feGaussianBlur feComposite feComponentTransfer feFuncR feDiffuseLighting feDistantLight foreignObject script title metadata animate flowRoot sodipodi:namedview i:pgf div span font ul li br'.split(
        ' ',
      ),
    );
    const attribute = fc.tuple(
      fc.constantFrom(
        ...'id class style fill stroke width height x y r d points transform href xlink:href xml:space lang enable-background font-weight writing-mode display paint-order mask-type clip-path filter offset in in2 mode operator type requiredExtensions onclick data-name role content align'.split(
          ' ',
        ),
      ),
      fc.constantFrom(
        '0',
        '10',
        'none',
        'red',
        'url(#a)',
        'url(#gone)',
        '#a',
        '#gone',
        'http://example.invalid/p.png',
        'new',
        'bold',
        '350',
        'vertical-rl',
        'multiply',
        'erode',
        'a b',
        '1a',
        'fill:red',
        '10;x{',
        'M0 0L9 9',
        'SourceGraphic',
      ),
    );
    const {tree} = fc.letrec<{tree: string; element: string}>((tie) => ({
      tree: fc.oneof({depthSize: 'small', maxDepth: 4}, fc.constantFrom('字', '.a{fill:red}', ' ', 'a &amp; b'), tie('element')),
      element: fc.tuple(names, fc.array(attribute, {maxLength: 5}), fc.array(tie('tree'), {maxLength: 3})).map(([name, attributes, children]) => {
        const written = [...new Map(attributes)].map(([key, value]) => ` ${key}="${value}"`).join('');
        return `<${name}${written}>${children.join('')}</${name}>`;
      }),
    }));
    const drawings = fc.sample(tree, {numRuns: 60, seed: 21});
    const files: Record<string, string> = {'book.yaml': 'title: 各种图\n'};
    drawings.forEach((drawing, i) => {
      files[`manuscripts/images/${i}.svg`] =
        `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><linearGradient id="a"/>${drawing}</svg>`;
    });
    files['manuscripts/all.md'] = manuscript({title: '各种图'}, drawings.map((_, i) => `![图${i}](images/${i}.svg)`).join('\n\n'));
    const dir = await makeBook(files);
    const build = await huibian(['build', '.', '--format', 'epub'], {cwd: dir});
    expect(build.code, build.stderr).toBe(0);
    const check = await epubcheck(path.join(dir, 'build', 'book.epub'));
    expect(check.report).toContain('No errors or warnings detected');
  });

  it('should draw a cleaned SVG as the original is drawn, and keep the labels of a diagram', async () => {
    const session = await launchBrowser();
    try {
      const page = await session.browser.newPage();
      await page.setViewport({width: 400, height: 200});
      const draw = async (svg: string) => {
        await page.setContent(
          `<body style="margin:0"><img style="width:400px;height:200px" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body>`,
        );
        await page.waitForFunction(() => document.querySelector('img')?.complete);
        return PNG.sync.read(Buffer.from(await page.screenshot())).data;
      };
      for (const original of [ILLUSTRATOR_SVG, INKSCAPE_SVG]) {
        const cleaned = svgForEpub(original)!;
        expect(cleaned.changes.size).toBeGreaterThan(0);
        expect(Buffer.compare(await draw(cleaned.svg), await draw(original))).toBe(0);
      }
      // The diagram's labels stay HTML, wrapped as the editor drew them; only its link, script and picture from the web go.
      const diagram = svgForEpub(DIAGRAM_SVG)!.svg;
      expect(diagram).toMatch(/<foreignObject [^>]*>\s*<div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml"/);
      expect(diagram).toContain('<span style="font-size:14px"><b>村委会</b></span><div style="text-align:left">• 议事<br />• 公开</div>');
    } finally {
      await session.close();
    }
  });
});
