import os from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {buildBook} from '../../src/outputs/build-book.js';
import {makeBook, manuscript} from '../helpers/book.js';
import {lineReport, readPageLines, type LineReport, type PageLine} from '../helpers/page-lines.js';

type Mode = 'horizontal' | 'vertical';

/**
 * One page made to hold one defect of each kind, and a clean paragraph. A hard line break
 * forces the line that starts with `，` and the one that ends with `（`; an inline picture too long
 * for what is left of a line but not for a whole one (nothing can break it) pushes it down and
 * leaves ten Han spread over a full line (a column is longer than a horizontal line: the picture
 * is too); inline code keeps a typed space before `，` (huibian removes it from plain text).
 */
function body(): string {
  return [
    '甲乙丙丁戊己庚辛壬癸\\\n，这一行以逗号开头。',
    '这一行以左括号结尾（\\\n括号里的话）就在这里。',
    '春夏秋冬东南西北上下![](bar.svg)左右前后。',
    '行内代码 `echo 你好 ，世界` 里有空格。',
    '脚注在这里[^1]。第12条规定如此。',
    '| 表头一 | 表头二 |\n| --- | --- |\n| 甲 | 乙 |',
    clean,
    '[^1]: 脚注的内容。',
  ].join('\n\n');
}
const clean = '普通的段落，'.repeat(24);
const bar = (width: number, height: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="#888"/></svg>`;

const measured = new Map<Mode, {lines: PageLine[]; report: LineReport}>();

async function measure(mode: Mode): Promise<void> {
  const dir = await makeBook({
    'book.yaml': `title: 测量样张\npageSize: A5\nwritingMode: ${mode}\n`,
    'manuscripts/a.md': manuscript({title: '样张'}, body()),
    // Longer than what is left of the first line (column), shorter than a whole one.
    'manuscripts/bar.svg': mode === 'vertical' ? bar(20, 500) : bar(330, 20),
  });
  const out = path.join(os.tmpdir(), `huibian-page-lines-${mode}-${process.pid}.pdf`);
  await buildBook({bookDir: dir, format: 'pdf', out});
  const lines = await readPageLines(out, {writingMode: mode});
  measured.set(mode, {lines, report: lineReport(lines)});
}

describe.each(['horizontal', 'vertical'] as const)('measuring the printed lines of a %s PDF', (mode) => {
  beforeAll(async () => {
    // Both builds at once: the second describe finds its PDF already measured.
    if (!measured.size) await Promise.all([measure('horizontal'), measure('vertical')]);
  });
  const get = () => measured.get(mode)!;

  it('should find exactly the line that starts with ，', () => {
    // Chromium draws the line break's space too (no advance, or hanging past the end): hence trim().
    expect(get().report.startViolations.map((f) => f.text.trim())).toEqual(['，这一行以逗号开头。']);
    expect(get().report.startViolations[0]!.neighbour).toBe('甲乙丙丁戊己庚辛壬癸');
  });

  it('should find exactly the line that ends with （', () => {
    expect(get().report.endViolations.map((f) => f.text.trim())).toEqual(['这一行以左括号结尾（']);
  });

  it('should find exactly the loose line, its Han more than an em apart', () => {
    const {looseLines} = get().report;
    expect(looseLines.map((f) => f.text)).toEqual(['春夏秋冬东南西北上下']);
    expect(looseLines[0]!.gap).toBeGreaterThan(1);
  });

  it('should find exactly the drawn space before ， in the inline code, not those at the line breaks', () => {
    expect(get().report.spacesNextToFullWidth.map((f) => f.context)).toEqual(['o␣你好␣，世界␣']);
  });

  it('should read a justified paragraph line by line in reading order, its gaps under 0.1 em', () => {
    const {lines} = get();
    const paragraph = lines.filter(
      (l) => l.text.startsWith('普通') || l.text.startsWith('通的') || l.text.startsWith('的段') || l.text.startsWith('段落') || l.text.startsWith('落，'),
    );
    expect(paragraph.length).toBeGreaterThan(1);
    expect(paragraph.map((l) => l.text).join('')).toBe(clean);
    for (const line of paragraph.slice(0, -1)) {
      const gaps = line.chars.slice(1).map((c, i) => (c.lead - line.chars[i]!.trail) / line.em);
      expect(Math.max(...gaps.map(Math.abs)), line.text).toBeLessThan(0.1);
    }
    expect(paragraph.every((l) => l.flow === mode)).toBe(true);
    expect(new Set(paragraph.map((l) => l.em)).size).toBe(1);
  });

  it('should keep a raised footnote call in its line, and two digits set upright in a column', () => {
    const call = get().lines.find((l) => l.text.startsWith('脚注在这里'));
    expect(call?.text).toBe('脚注在这里①。第12条规定如此。');
    expect(call?.chars.filter((c) => c.raised).map((c) => c.c)).toEqual(['①']);
  });

  it('should read a table as horizontal text, in both modes', () => {
    const head = get().lines.find((l) => l.text.includes('表头一'));
    expect(head?.flow).toBe('horizontal');
    expect(head?.text).toMatch(/^表头一(表头二)?$/);
  });
});

describe('lineReport options', () => {
  it('should leave out excluded pages and lines', async () => {
    if (!measured.size) await Promise.all([measure('horizontal'), measure('vertical')]);
    const {lines, report} = measured.get('horizontal')!;
    const page = report.startViolations[0]!.page;
    expect(lineReport(lines, {excludePages: [page]}).startViolations).toEqual([]);
    expect(lineReport(lines, {excludeLines: (l) => l.text.startsWith('春夏')}).looseLines).toEqual([]);
    expect(lineReport(lines, {looseGap: 5}).looseLines).toEqual([]);
  });
});
