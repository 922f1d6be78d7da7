import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {png} from '../helpers/images.js';
import {makeBook} from '../helpers/book.js';
import {huibian} from '../helpers/cli.js';

/** A plain grey PNG of the given size (a photo scanned too small). */

// Copy as it comes from a web page: ASCII punctuation between Han, straight quotes, "...", typed spaces, CRLF.
const messy = [
  '---',
  'title: 村里来了新书记',
  'date: 2025-04-01',
  'author: 通讯员 周小雨',
  '---',
  '',
  '4月1日上午,新书记来到村里:"大家好!"他说...',
  '',
  '全村 36 户都来了,气氛热烈。`a,b` 不变,网址 https://example.com/x,y 也不变.',
  '',
  '![村委会大楼](images/small.png)',
  '',
].join('\r\n');

describe('huibian check', () => {
  it('should report each problem at its line and column and exit 1', async () => {
    const dir = await makeBook({'book.yaml': 'title: 书\n', 'manuscripts/a.md': messy, 'manuscripts/images/small.png': png(200, 120)});
    const result = await huibian(['check'], {cwd: dir});
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n');
    expect(lines).toContain('manuscripts/a.md:1:1: warning: 文首缺少 `source`（来源） [huibian:missing-field]');
    expect(lines).toContain('manuscripts/a.md:7:7: warning: 中文里用了半角标点：“,”应为“，” [huibian:punctuation]');
    expect(lines).toContain('manuscripts/a.md:7:15: warning: 中文里用了半角标点：“:”应为“：” [huibian:punctuation]');
    expect(lines).toContain('manuscripts/a.md:7:16: warning: 直引号应为弯引号“”‘’：“"”应为““” [huibian:quotes]');
    expect(lines).toContain('manuscripts/a.md:7:24: warning: 省略号应为“……”：“...”应为“……” [huibian:ellipsis]');
    expect(lines).toContain('manuscripts/a.md:9:3: warning: 汉字与字母、数字之间不要打空格（排版时自动留空）：“ ”应为“” [huibian:space]');
    expect(result.stderr).toMatch(/manuscripts\/a\.md:11:1: error: 图片 manuscripts\/images\/small\.png 印出来只有 96 ppi/);
    expect(result.stderr).not.toContain('`a,b`');
  });

  it('should fix the safe cases in place, keeping CRLF and everything else byte for byte', async () => {
    const dir = await makeBook({'book.yaml': 'title: 书\n', 'manuscripts/a.md': messy, 'manuscripts/images/small.png': png(2000, 1200)});
    const result = await huibian(['check', dir, '--fix']);
    const fixed = await readFile(path.join(dir, 'manuscripts', 'a.md'), 'utf8');
    expect(fixed).toBe(
      messy
        .replace('4月1日上午,新书记来到村里:"大家好!"他说...', '4月1日上午，新书记来到村里：“大家好！”他说……')
        .replace(
          '全村 36 户都来了,气氛热烈。`a,b` 不变,网址 https://example.com/x,y 也不变.',
          '全村36户都来了，气氛热烈。`a,b` 不变，网址 https://example.com/x,y 也不变。',
        ),
    );
    expect(result.stderr).toContain('✔ 已修正');
    // What cannot be fixed automatically (the missing source) keeps the exit status at 1.
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('文首缺少 `source`');
    expect(result.stderr).not.toContain('huibian:punctuation');
  });
});
