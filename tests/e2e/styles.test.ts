import {execFile} from 'node:child_process';
import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {makeBook, manuscript} from '../helpers/book.js';
import {huibian} from '../helpers/cli.js';
import {readPageLines} from '../helpers/page-lines.js';
import {fonts} from '../helpers/pdf-tools.js';

const run = promisify(execFile);
const PROSE = '青溪镇今年办成了十件民生实事，修路、通水、建学校，件件落到实处。'.repeat(40);

/** The em of the body's lines (the median of lines that hold its prose), in points. */
async function bodyEm(pdf: string, writingMode: 'horizontal' | 'vertical'): Promise<number> {
  const ems = (await readPageLines(pdf, {writingMode})).filter((line) => line.text.includes('落到实处')).map((line) => line.em);
  expect(ems.length).toBeGreaterThan(3);
  return ems.sort((x, y) => x - y)[ems.length >> 1]!;
}

// Own styles without forking (issue 12): templates/custom.css and book.yaml `styles` come after
// huibian's stylesheets in every output; the design knobs change the book in a line or two.
describe('a book’s own styles', () => {
  it('should start a book with `huibian new` that builds at once and lists every knob in its custom.css', async () => {
    const dir = path.join(await makeBook({}), '新书');
    const made = await huibian(['new', dir, '--title', '青溪镇年鉴']);
    expect(made.code, made.stderr).toBe(0);
    const css = await readFile(path.join(dir, 'templates', 'custom.css'), 'utf8');
    for (const knob of ['--body-size', '--line-height', '--cover-background', '--running-head-size', '--title-font']) expect(css).toContain(`/* ${knob}: `);
    expect(await readFile(path.join(dir, 'book.yaml'), 'utf8')).toContain('title: "青溪镇年鉴"');
    const built = await huibian(['build', dir, '--format', 'html']);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).not.toMatch(/warning|error/);
    // A second `new` into a folder with files in it is refused.
    expect((await huibian(['new', dir])).code).toBe(2);
  });

  for (const mode of ['horizontal', 'vertical'] as const) {
    it(`should set the ${mode} PDF with a knob from custom.css and a rule from a listed stylesheet`, async () => {
      const files = {
        'book.yaml': `title: 样式测试\nwritingMode: ${mode}\nstyles:\n  - look/extra.css\n`,
        'manuscripts/a.md': manuscript({title: '民生实事'}, PROSE),
      };
      // Without them the body is 10.5 pt Noto Serif (--body-size, --body-font defaults).
      const dir = await makeBook({
        ...files,
        'templates/custom.css': ':root { --body-size: 14pt; }',
        'look/extra.css': '.article-body { font-family: var(--font-kai); }',
      });
      const result = await huibian(['build', dir]);
      expect(result.code, result.stderr).toBe(0);
      const pdf = path.join(dir, 'build', 'book.pdf');
      expect(await bodyEm(pdf, mode)).toBeCloseTo(14, 0);
      // The listed stylesheet comes last: the body is in kai (LXGW WenKai), which nothing else in this book uses.
      expect((await fonts(pdf)).some((font) => /WenKai/i.test(font.name))).toBe(true);
    });
  }

  it('should carry the own styles into the EPUB and the HTML, after huibian’s, and refuse a missing one at its line', async () => {
    const dir = await makeBook({
      'book.yaml': 'title: 样式测试\nstyles:\n  - look/extra.css\n',
      'manuscripts/a.md': manuscript({title: '民生实事'}, PROSE),
      'templates/custom.css': ':root { --cover-band: #123456; }',
      'look/extra.css': '.article-title { letter-spacing: 0.2em; }',
    });
    expect((await huibian(['build', dir, '--format', 'html'])).code).toBe(0);
    const index = await readFile(path.join(dir, 'build', 'html', 'index.html'), 'utf8');
    const links = [...index.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
    expect(links.slice(-2)).toEqual(['styles/1-custom.css', 'styles/2-extra.css']);
    expect(await readFile(path.join(dir, 'build', 'html', 'styles', '2-extra.css'), 'utf8')).toContain('letter-spacing: 0.2em');

    expect((await huibian(['build', dir, '--format', 'epub'])).code).toBe(0);
    const {stdout: css} = await run('unzip', ['-p', path.join(dir, 'build', 'book.epub'), 'OEBPS/style.css']);
    expect(css.indexOf('--cover-band: #123456')).toBeGreaterThan(css.indexOf('--cover-band: #9b1c1c'));
    expect(css).toContain('letter-spacing: 0.2em');

    await writeFile(path.join(dir, 'book.yaml'), 'title: 样式测试\nstyles:\n  - look/none.css\n');
    const missing = await huibian(['build', dir, '--format', 'html']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/book\.yaml:3:5: error: 找不到样式文件 look\/none\.css/);
  });
});
