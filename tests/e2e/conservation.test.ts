import {existsSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildBook} from '../../src/outputs/build-book.js';
import {EnvironmentError} from '../../src/report/messages.js';
import {makeBook, manuscript} from '../helpers/book.js';
import {allPagesText, hanCounts, missingHan, wordBoxes} from '../helpers/pdf-tools.js';

const CHARS = '春夏秋冬东南西北村镇街道田地山水桥路农林牧渔学校医院文化广场';

/** Varied Han text of `n` characters (deterministic). */
function prose(n: number, seed = 7): string {
  let x = seed;
  return Array.from({length: n}, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return CHARS[x % CHARS.length];
  }).join('');
}

describe('text conservation', () => {
  it('should set a 90-row table over several pages without repeating rows, and a 3000-character paragraph whole', async () => {
    const rows = Array.from({length: 90}, (_, i) => `| 第${i + 1}行 | ${i * 3} | ${prose(8, i + 1)} |`).join('\n');
    const body = `| 项目 | 数量 | 说明 |\n| --- | --- | --- |\n${rows}\n\n${prose(3000)}。\n\n网址 https://example.com/${'a'.repeat(300)} 结束。`;
    const dir = await makeBook({'book.yaml': 'title: 长文测试\n', 'manuscripts/a.md': manuscript({title: '长表与长段'}, body)});
    const out = path.join(os.tmpdir(), `huibian-conservation-${process.pid}.pdf`);
    await buildBook({bookDir: dir, format: 'pdf', out});
    const text = (await allPagesText(out)).join('').replace(/\s+/g, '');
    expect(missingHan(hanCounts(body), hanCounts(text))).toEqual([]);
    for (const row of [1, 45, 90]) expect(text.match(new RegExp(`第${row}行`, 'g'))).toHaveLength(1);
  });

  it('should set the same long table, paragraph and URL in a vertical book without losing text (tall tables split)', async () => {
    const rows = Array.from({length: 90}, (_, i) => `| 第${i + 1}行 | ${i * 3} | ${prose(8, i + 1)} |`).join('\n');
    const body = `| 项目 | 数量 | 说明 |\n| --- | --- | --- |\n${rows}\n\n${prose(3000)}。\n\n网址 https://example.com/${'a'.repeat(300)} 结束。\n\n\`${'x'.repeat(300)}\``;
    const dir = await makeBook({'book.yaml': 'title: 长文测试\nwritingMode: vertical\n', 'manuscripts/a.md': manuscript({title: '长表与长段'}, body)});
    const out = path.join(os.tmpdir(), `huibian-conservation-vertical-${process.pid}.pdf`);
    await buildBook({bookDir: dir, format: 'pdf', out});
    const text = (await allPagesText(out)).join('');
    expect(missingHan(hanCounts(body), hanCounts(text))).toEqual([]);
  });

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

  it('should set a five-page paragraph and list item of one character whole (Paged.js repeated them until they were cut in blocks of lines)', async () => {
    const body = `${'甲'.repeat(3000)}\n\n- ${'乙'.repeat(3000)}\n- 丙`;
    const dir = await makeBook({'book.yaml': 'title: 长文测试\n', 'manuscripts/a.md': manuscript({title: '同字长段'}, body)});
    const out = path.join(dir, 'build', 'book.pdf');
    await buildBook({bookDir: dir, format: 'pdf', out});
    const text = (await allPagesText(out)).join('');
    expect(missingHan(hanCounts(body), hanCounts(text))).toEqual([]);
    for (const char of '甲乙') expect(text.split(char).length - 1).toBe(3000);
  });

  it('should print one paragraph of 100,000 characters whole (issue 11; 23–48 s here, minutes before the line pass measured in pieces)', async () => {
    // Varied prose with the marks a long paragraph has, so that every line pass rule has work.
    const marks = '，。、；';
    const body = Array.from({length: 4000}, (_, i) => prose(24, i + 1) + marks[i % marks.length]).join('');
    expect(body.length).toBe(100_000);
    const dir = await makeBook({'book.yaml': 'title: 长文测试\n', 'manuscripts/a.md': manuscript({title: '一段十万字'}, body)});
    const out = path.join(dir, 'build', 'book.pdf');
    await buildBook({bookDir: dir, format: 'pdf', out});
    expect(missingHan(hanCounts(body), hanCounts((await allPagesText(out)).join('')))).toEqual([]);
  }, 180_000);

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
