import {existsSync} from 'node:fs';
import {readdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {makeBook, manuscript, smallBook} from '../helpers/book.js';
import {huibian} from '../helpers/cli.js';

describe('huibian command', () => {
  it('should print usage without starting anything', async () => {
    const result = await huibian(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('huibian <命令>');
    // Every command explains every option it takes, with an example.
    for (const [command, options] of [
      [
        'build',
        [
          '--format',
          '--out',
          '--writing-mode',
          '--to',
          '--allow-missing-images',
          '--press',
          '--bleed',
          '--marks',
          '--pdfx',
          '--select',
          '--title',
          '--sheet',
          '--binding',
          '--signature',
          '--duplex',
          '--creep',
          '--calibration',
          '--each',
          '--paper-thickness',
        ],
      ],
      ['stats', ['--by', '--csv']],
      ['check', ['--fix']],
      ['import', ['--to', '--part', '--force']],
      ['new', ['--title']],
    ] as const) {
      const help = await huibian([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`用法：huibian ${command}`);
      expect(help.stdout).toContain(`例：huibian ${command}`);
      for (const option of options) expect(help.stdout, `${command} ${option}`).toContain(option);
    }
  });

  it('should exit 2 on an unknown command or option', async () => {
    expect((await huibian(['bulid'])).code).toBe(2);
    const bad = await huibian(['build', '--format', 'mobi']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('未知的格式 `mobi`');
  });

  it('should report every input error as file:line:column, exit 1, and leave the last good output untouched', async () => {
    const dir = await makeBook(
      smallBook({
        'book.yaml': 'title: 书\nwritingmode: vertical\n',
        'manuscripts/03-c.md': '---\nauthor: 某人\n---\n\n正文。',
        'manuscripts/04-gbk.md': new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xb1, 0xea]),
        'build/book.pdf': 'an old build',
      }),
    );
    const result = await huibian(['build', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('book.yaml:2:1: error: 未知的键 `writingmode`');
    expect(result.stderr).not.toContain('内部错误');
    expect(await readFile(path.join(dir, 'build', 'book.pdf'), 'utf8')).toBe('an old build');
    expect(result.stderr).toMatch(/上次的 .*book\.pdf 保持原样，未更新/);

    await writeFile(path.join(dir, 'book.yaml'), 'title: 书\nparts:\n  - 村务\n  - 生活\n');
    const second = await huibian(['build', dir]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/manuscripts\/03-c\.md:2:1: error: .*title/);
    expect(second.stderr).toContain('manuscripts/04-gbk.md:2:1: error: 此文件不是 UTF-8 编码');
    expect(await readdir(dir)).not.toContain('build-partial');
  });

  it('should say how to get a browser when the configured one is missing', async () => {
    const dir = await makeBook(smallBook());
    const result = await huibian(['build', dir], {env: {PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome'}});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PUPPETEER_EXECUTABLE_PATH=/nonexistent/chrome 指向的文件不存在');
    expect(existsSync(path.join(dir, 'build', 'book.pdf'))).toBe(false);
  });

  it("should use the book's own templates/print.css and name it when Paged.js cannot parse it", async () => {
    const css = '.a .b + .c,\n.a .d:first-of-type {\n  margin-top: 0;\n}\n';
    const dir = await makeBook(smallBook({'templates/print.css': css}));
    const result = await huibian(['build', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('✖ 分页失败');
    expect(result.stderr).toContain('templates/');
    expect(result.stderr).not.toContain('内部错误');
  });

  it('should check a book without writing anything, exiting 1 while problems remain', async () => {
    const full = {date: '2025-01-01', author: '某人', source: '村广播站'};
    const dir = await makeBook(smallBook({'manuscripts/09-x.md': manuscript({title: '多一篇', ...full, color: '红'}, '正文。')}));
    const result = await huibian(['check', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('manuscripts/09-x.md:6:1: warning: 未知的文首键 `color`');
    expect(result.stderr).toContain('2 个部分，4 篇稿件，1 张图片');
    expect(existsSync(path.join(dir, 'build'))).toBe(false);

    const clean = await makeBook({'book.yaml': 'title: 书\n', 'manuscripts/a.md': manuscript({title: '一篇', ...full}, '干干净净的正文。')});
    const ok = await huibian(['check', clean]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain('✔ 检查通过：0 个部分，1 篇稿件，0 张图片');
  });

  it('should write a static HTML folder with only the font slices it needs', async () => {
    const dir = await makeBook(smallBook());
    const result = await huibian(['build', dir, '--format', 'html']);
    expect(result.code, result.stderr).toBe(0);
    const out = path.join(dir, 'build', 'html');
    expect((await readdir(out)).sort()).toEqual(['assets', 'book.css', 'fonts', 'fonts.css', 'index.html', 'print.css']);
    const fonts = (await readdir(path.join(out, 'fonts', 'song'))).length;
    expect(fonts).toBeGreaterThan(3);
    expect(fonts).toBeLessThan(60);
  });
});
