import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildBook} from '../../src/outputs/build-book.js';
import {makeBook, manuscript} from '../helpers/book.js';
import {allPagesText, qpdfJson} from '../helpers/pdf-tools.js';

describe('issue 9 defect 5: vertical books find where articles start whatever their titles', () => {
  it('should build and point every bookmark at the article’s own first page', async () => {
    const dir = await makeBook({
      'book.yaml': 'title: 标题测试\nwritingMode: vertical\narticleStart: page\n',
      'manuscripts/a.md': manuscript({title: '"85. MC 的用法"'}, '甲文正文。\n\n## 12\n\n甲文小节。\n\n## “引号”标题 5G\n\n甲文又一节。'),
      'manuscripts/b.md': manuscript({title: '"12 GDP 增长"'}, '乙文正文。\n\n## \n\n乙文空标题之后。'),
      'manuscripts/c.md': manuscript({title: '"12"'}, '丙文正文。'),
    });
    const out = path.join(os.tmpdir(), `huibian-issue9-titles-${process.pid}.pdf`);
    await buildBook({bookDir: dir, format: 'pdf', out});
    const pages = (await allPagesText(out)).map((p) => p.replace(/\s+/g, ''));
    const outline = (await qpdfJson(out)).outlines.filter((o) => o.title !== '目录');
    expect(outline.map((o) => o.title)).toEqual(['85. MC的用法', '12 GDP增长', '12']);
    for (const [entry, body] of outline.map((o, i) => [o, ['甲文正文', '乙文正文', '丙文正文'][i]!] as const)) {
      expect(pages[entry.destpageposfrom1 - 1], entry.title).toContain(body);
    }
  });
});
