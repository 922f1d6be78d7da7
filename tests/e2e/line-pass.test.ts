import os from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {buildBook, type BuildResult} from '../../src/outputs/build-book.js';
import {makeBook, manuscript} from '../helpers/book.js';
import {lineReport, readPageLines, type PageLine} from '../helpers/page-lines.js';

// Han without punctuation, to fill lines to a known length (an A5 line holds 31 em).
const HAN = '春夏秋冬东南西北上下左右前后天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜';

/** Each paragraph is made so that one correction of the line pass must happen on its first line. */
const paragraphs = {
  // 2 em indent + 28 Han + ， = 31 em: the comma ends the line, and at half width (rule 9).
  halt: `${HAN.slice(0, 28)}，${HAN.slice(28, 60)}。`,
  // 2 em + 29 Han fill the line: the note's call and 。 would open the next one (defect 3).
  call: `${HAN.slice(0, 29)}[^1]。${HAN.slice(29, 50)}。`,
  // A 50-letter word after ten Han: without a break inside it, the first line is spread a full em
  // per gap (defect 4).
  word: `${HAN.slice(0, 10)}${'abcdefghij'.repeat(5)}${HAN.slice(10, 30)}。`,
  notes: '同一页上还有两条注释[^2]和[^3]。',
};

const LONG_TITLE = '求真务实为民办实事：我市扎实开展“我为群众办实事”实践活动推动各项惠民政策落地见效取得阶段性成果';

let result: BuildResult;
let lines: PageLine[];

describe('the line pass on a printed page (issue 9 defects 3, 4 and rule 9)', () => {
  beforeAll(async () => {
    const dir = await makeBook({
      'book.yaml': 'title: 断行\npageSize: A5\n',
      'manuscripts/a.md': manuscript(
        {title: '断行样张'},
        `${Object.values(paragraphs).join('\n\n')}\n\n[^1]: 第一条注释。\n[^2]: 第二条注释。\n[^3]: 第三条注释，\n\n    它有两段。`,
      ),
      // Three pages under a title too long for a running head (defect 8).
      'manuscripts/b.md': manuscript({title: LONG_TITLE}, Array.from({length: 24}, () => HAN.repeat(2)).join('\n\n')),
    });
    const out = path.join(os.tmpdir(), `huibian-line-pass-${process.pid}.pdf`);
    result = await buildBook({bookDir: dir, format: 'pdf', out});
    lines = await readPageLines(out, {writingMode: 'horizontal'});
  });

  it('should leave no line starting with a closing mark, ending with an opening one, or loose', () => {
    const report = lineReport(lines);
    expect(report.startViolations.map((v) => v.text)).toEqual([]);
    expect(report.endViolations.map((v) => v.text)).toEqual([]);
    expect(report.looseLines.map((v) => v.text)).toEqual([]);
  });

  it('should have joined the call and its 。 to the character before, and broken the long word with a hyphen', () => {
    expect(result.lines?.glued).toBeGreaterThanOrEqual(1);
    expect(result.lines?.tightened).toBeGreaterThanOrEqual(1);
    const broken = lines.find((l) => l.text.startsWith(`${HAN.slice(0, 10)}a`));
    expect(broken?.text, JSON.stringify(broken?.text)).toMatch(/^春夏秋冬东南西北上下a[a-j]+ ?-$/);
  });

  it('should set the comma that ends a justified line at half width, flush with the text area', () => {
    const line = lines.find((l) => l.text.startsWith(HAN.slice(0, 28)))!;
    // The text area's edge: where the lines that end in a Han character end.
    const full = lines.filter((l) => l.page === line.page && l.em === line.em && /\p{Script=Han}$/u.test(l.text) && l.text.length > 20);
    const edge = Math.max(...full.map((l) => l.chars.at(-1)!.trail));
    const comma = line.chars.at(-1)!;
    expect(comma.c).toBe('，');
    // Its full-width box passes the edge by half an em: only the inked half is inside.
    expect((comma.trail - edge) / line.em).toBeCloseTo(0.5, 1);
    expect(result.lines?.halved).toBeGreaterThanOrEqual(1);
  });

  it('should number the notes at the foot of a page ①②③, each its own (the markers showed the last call’s number)', () => {
    const notes = lines.filter((l) => /^[①②③]/.test(l.text)).map((l) => l.text.replace(/\s/g, ''));
    expect(notes).toEqual(['①第一条注释。', '②第二条注释。', '③第三条注释，']);
    // A note's second paragraph starts a line of its own, no space drawn before it.
    expect(lines.some((l) => l.text === '它有两段。')).toBe(true);
  });

  it('should print a long title’s running head on one line, cut at a phrase with …… (defect 8)', () => {
    const heads = lines.filter((l) => l.flow === 'horizontal' && l.em < 8.5 && l.text.startsWith('求真务实'));
    expect(heads.length).toBeGreaterThan(0);
    for (const head of heads) {
      expect(head.text.replace(/\s/g, '')).toMatch(/^求真务实为民办实事：[^…]+……$/);
      expect(LONG_TITLE.startsWith(head.text.replace(/\s/g, '').slice(0, -2))).toBe(true);
    }
  });
});
