import {existsSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildBook} from '../../src/outputs/build-book.js';
import {EnvironmentError} from '../../src/report/messages.js';
import {makeBook, manuscript, prose} from '../helpers/book.js';
import {wordBoxes} from '../helpers/pdf-tools.js';

describe('text conservation', () => {
  it('should shrink a table wider than the text area instead of clipping it, in both modes', async () => {
    const row = (cell: string) => `| ${Array.from({length: 25}, () => cell).join(' | ')} |`;
    const body = `${row('列')}\n${row('---')}\n${row('数据123')}`;
    const dir = await makeBook({'book.yaml': 'title: 宽表测试\n', 'manuscripts/a.md': manuscript({title: '宽表'}, body)});
    for (const writingMode of ['horizontal', 'vertical'] as const) {
      const out = path.join(os.tmpdir(), `huibian-wide-${writingMode}-${process.pid}.pdf`);
      await buildBook({bookDir: dir, format: 'pdf', out, writingMode});
      const words = (await wordBoxes(out)).flat().filter((w) => /[数据]|123/.test(w.text));
      expect(words.length).toBeGreaterThan(20);
      for (const word of words) expect(word.xMin >= 28 && word.xMax <= 420 - 28, `${word.text} at ${word.xMin}–${word.xMax}`).toBe(true);
    }
    // Unbreakable Latin words in 25 columns cannot fit even at 55 %.
    const wide = `${row('列')}\n${row('---')}\n${row('ABCDEFGHIJKL')}`;
    const tooWide = await makeBook({'book.yaml': 'title: 宽表测试\n', 'manuscripts/a.md': manuscript({title: '太宽'}, wide)});
    const error = await buildBook({bookDir: tooWide, format: 'pdf', out: path.join(tooWide, 'x.pdf')}).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/个表格太宽/);
  });

  it('should refuse to write a PDF when Paged.js loses or repeats text, naming the article (a table cell taller than a page still makes it)', async () => {
    const message = await failedTallCellBuild('horizontal', 800);
    expect(message).toMatch(/分页后的汉字数与稿件不符（应为 \d+ 字，排出 \d+ 字：《长格》（manuscripts\/b\.md）应为 3\d{3} 字，排出 \d+ 字）/);
    expect(message).not.toContain('好稿');
  });

  it('should refuse to write a vertical PDF that lost text, naming the article (a table row taller than a page)', async () => {
    const message = await failedTallCellBuild('vertical', 900);
    expect(message).toMatch(/排出的 PDF 与稿件不符：《长格》（manuscripts\/b\.md）丢失 \d+ 字/);
    expect(message).toContain('有 1 个表格行比一页还高');
    expect(message).not.toContain('好稿');
  });
});

/**
 * Build a book of a good article and one whose table cell is taller than a page, which the
 * layout loses text of: the build must fail and write nothing. Returns its message.
 */
async function failedTallCellBuild(writingMode: 'horizontal' | 'vertical', goodLength: number): Promise<string> {
  const body = `| 项目 | 说明 |\n| --- | --- |\n| 一 | ${'甲'.repeat(3000)} |`;
  const dir = await makeBook({
    'book.yaml': `title: 长文测试\nwritingMode: ${writingMode}\n`,
    'manuscripts/a.md': manuscript({title: '好稿'}, prose(goodLength)),
    'manuscripts/b.md': manuscript({title: '长格'}, body),
  });
  const out = path.join(dir, 'build', 'book.pdf');
  const error = await buildBook({bookDir: dir, format: 'pdf', out}).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(EnvironmentError);
  expect(existsSync(out)).toBe(false);
  return (error as Error).message;
}
