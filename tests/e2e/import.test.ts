import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdir, readFile, readdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {makeBook} from '../helpers/book.js';
import {huibian} from '../helpers/cli.js';
import {hanCounts, missingHan} from '../helpers/pdf-tools.js';
import {png} from '../helpers/images.js';
import {NEWS_TEXT, wechatPage, wordFile} from '../helpers/import-sources.js';

describe('huibian import', () => {
  it('should turn a GBK text file, a saved WeChat page and a Word file into manuscripts that build, losing no body text', async () => {
    const dir = await makeBook({'book.yaml': 'title: 导入的书\n'});
    const inbox = path.join(dir, 'inbox');
    await mkdir(path.join(inbox, 'tea_files'), {recursive: true});
    // Saved on Windows: GBK with CRLF line ends (encoded by the system's iconv).
    await writeFile(path.join(inbox, '丰收 节.txt'), execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], {input: NEWS_TEXT.replace(/\n/g, '\r\n')}));
    await writeFile(path.join(inbox, 'tea.html'), wechatPage('tea_files/tea.png'));
    await writeFile(path.join(inbox, 'tea_files', 'tea.png'), png(60, 40));
    await writeFile(path.join(inbox, '村务公开.docx'), await wordFile(png(50, 30)));

    const result = await huibian(['import', 'inbox', '--part', '工作动态'], {cwd: dir});
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines, result.stderr).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^✔ inbox\/tea\.html → manuscripts\/tea\.md（UTF-8；标题“茶园里的新农人”；作者 刘春梅；日期 2025-08-01；来源 青溪发布；.*1 张图；1 张网上的图片未下载，已标“缺图”）$/,
    );
    expect(lines[1]).toMatch(
      /^✔ inbox\/丰收 节\.txt → manuscripts\/丰收-节\.md（GB18030；标题“青溪镇举办首届农民丰收节,千余群众共享丰收喜悦”；作者 王晓燕、李建国；来源 青溪发布；6 段、1 个小标题；删去 “青溪镇人民政府 首页 > 工作动态”）$/,
    );
    expect(lines[2]).toMatch(/^✔ inbox\/村务公开\.docx → manuscripts\/村务公开\.md（标题“村务公开工作总结”；.*2 个小标题、1 张图）$/);

    const news = await readFile(path.join(dir, 'manuscripts', '丰收-节.md'), 'utf8');
    expect(news).toMatch(/^---\ntitle: 青溪镇举办首届农民丰收节，千余群众共享丰收喜悦\nauthor: 王晓燕、李建国\nsource: 青溪发布\npart: 工作动态\n---\n/);
    expect(news).toContain('## 晒出好收成\n\n::subheading[擦亮金招牌]');
    // Every Han character of the file is in the manuscript, or in a line the report named.
    expect(missingHan(hanCounts(NEWS_TEXT), hanCounts(`${news}青溪镇人民政府首页工作动态青溪镇融媒体中心记者通讯员来源`))).toEqual([]);

    const tea = await readFile(path.join(dir, 'manuscripts', 'tea.md'), 'utf8');
    const [teaImage] = await readdir(path.join(dir, 'manuscripts', 'images', 'tea'));
    expect(tea).toContain(`![赵小川在茶园查看新芽长势。](images/tea/${teaImage})`);
    expect(tea).toContain('［缺图：网上的图片一张。］');
    expect(tea).toContain('| 年份 | 销量 |');

    const word = await readFile(path.join(dir, 'manuscripts', '村务公开.md'), 'utf8');
    expect(word).toContain('## 一、主要做法');
    expect(word).toMatch(/财务账目逐笔上墙\[\^1\]，群众一看就懂。/);
    expect(word).toContain('[^1]: 每月五日前张贴在村务公开栏。');
    expect(word).toMatch(/!\[村委会新办公楼\]\(images\/村务公开\/1-[0-9a-f]{12}\.png\)/);
    expect(word).toContain('| 月份 | 公开事项 |');

    // Nothing is overwritten without --force; with it, the manuscript is written again.
    await writeFile(path.join(dir, 'manuscripts', 'tea.md'), '改过的稿件');
    const again = await huibian(['import', 'inbox/tea.html'], {cwd: dir});
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('manuscripts/tea.md 已存在，未覆盖：要用新导入的替换它，请加 --force');
    expect(await readFile(path.join(dir, 'manuscripts', 'tea.md'), 'utf8')).toBe('改过的稿件');
    expect((await huibian(['import', 'inbox/tea.html', '--force'], {cwd: dir})).code).toBe(0);

    // What was imported builds (HTML: the quickest full compile), with no error.
    const build = await huibian(['build', '.', '--format', 'html'], {cwd: dir});
    expect(build.code, build.stderr).toBe(0);
    const site = await readFile(path.join(dir, 'build', 'html', 'index.html'), 'utf8');
    expect(site).toContain('<p class="subheading">擦亮金招牌</p>');
    expect(existsSync(path.join(dir, 'build', 'html', 'assets'))).toBe(true);
  });

  it('should import the same article identically from GB18030, UTF-16 and UTF-8 with a BOM', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NEWS_TEXT, 'utf16le')]);
    const dir = await makeBook({
      'book.yaml': 'title: 导入的书\n',
      'inbox/gb.txt': execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], {input: NEWS_TEXT}),
      'inbox/u16.txt': utf16,
      'inbox/bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(NEWS_TEXT.replace(/\n/g, '\r\n'))]),
    });
    const result = await huibian(['import', 'inbox'], {cwd: dir});
    expect(result.code, result.stderr).toBe(0);
    for (const [name, encoding] of [
      ['bom', 'UTF-8 \\(BOM\\)'],
      ['gb', 'GB18030'],
      ['u16', 'UTF-16LE'],
    ]) {
      expect(result.stderr).toMatch(new RegExp(`inbox/${name}\\.txt → manuscripts/${name}\\.md（${encoding}；`));
    }
    const [gb, u16, bom] = await Promise.all(['gb', 'u16', 'bom'].map((name) => readFile(path.join(dir, 'manuscripts', `${name}.md`), 'utf8')));
    expect(u16).toBe(gb);
    expect(bom).toBe(gb);
  });

  it('should refuse what it cannot read, naming the file, and go on with the rest', async () => {
    const dir = await makeBook({'book.yaml': 'title: 导入的书\n', 'inbox/a.pdf': 'x', 'inbox/b.txt': '一段文字。'});
    const result = await huibian(['import', 'inbox/a.pdf', 'inbox/b.txt', 'inbox/none.txt'], {cwd: dir});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('找不到 inbox/none.txt');
    const partial = await huibian(['import', 'inbox/a.pdf', 'inbox/b.txt'], {cwd: dir});
    expect(partial.code).toBe(1);
    expect(partial.stderr).toContain('inbox/a.pdf：不能导入 .pdf 文件');
    expect(partial.stderr).toMatch(/✔ inbox\/b\.txt → manuscripts\/b\.md/);
  });
});
