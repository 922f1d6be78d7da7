import {describe, expect, it} from 'vitest';
import {lineReport, type LineChar, type PageLine} from '../helpers/page-lines.js';

/** A measured line made up: every character one em wide, `gap` ems between neighbours. */
function line(text: string, {gap = 0, page = 1, raised = ''}: {gap?: number; page?: number; raised?: string} = {}): PageLine {
  const em = 10;
  const chars: LineChar[] = [...text].map((c, i) => {
    const lead = i * em * (1 + gap);
    return {c, order: i, size: em, lead, trail: lead + em, cross: 0, box: [lead, 0, lead + em, em], ...(raised.includes(c) ? {raised: true} : {})};
  });
  return {page, flow: 'horizontal', text, chars, em};
}

describe('lineReport', () => {
  it('should flag lines starting with a closing mark and ending with an opening one, and no others', () => {
    const report = lineReport([line('，开头'), line('。句号'), line('结尾（'), line('结尾“'), line('正常的行。'), line('（开头无妨'), line('结尾无妨）')]);
    expect(report.startViolations.map((f) => f.text)).toEqual(['，开头', '。句号']);
    expect(report.endViolations.map((f) => f.text)).toEqual(['结尾（', '结尾“']);
    expect(report.lines).toBe(7);
  });

  it('should name the line before a start violation and after an end violation, on the same page only', () => {
    const report = lineReport([line('上一行'), line('，开头'), line('结尾《'), line('下一行', {page: 2})]);
    expect(report.startViolations[0]!.neighbour).toBe('上一行');
    expect(report.endViolations[0]!.neighbour).toBeUndefined();
  });

  it('should look past a raised footnote call and past drawn spaces at the ends', () => {
    const report = lineReport([line('②。接着', {raised: '②'}), line(' ，空格'), line('号码②', {raised: '②'})]);
    expect(report.startViolations.map((f) => f.text)).toEqual(['②。接着', ' ，空格']);
    expect(report.endViolations).toEqual([]);
  });

  it('should call a line loose when its median CJK gap exceeds 0.25 em and it has 6 CJK characters', () => {
    expect(lineReport([line('一二三四五六', {gap: 0.3})]).looseLines.map((f) => f.gap)).toEqual([expect.closeTo(0.3, 5)]);
    expect(lineReport([line('一二三四五六', {gap: 0.2})]).looseLines).toEqual([]);
    expect(lineReport([line('一二三四五', {gap: 2})]).looseLines).toEqual([]);
    // Latin letters do not count, nor do gaps next to them.
    expect(lineReport([line('一a二b三c四d五e六', {gap: 0.3})]).looseLines).toEqual([]);
    expect(lineReport([line('一二三四五六', {gap: 0.3})], {looseGap: 0.5, looseMinChars: 7}).looseLines).toEqual([]);
  });

  it('should list loose lines worst first', () => {
    const report = lineReport([line('一二三四五六', {gap: 0.5}), line('七八九十百千', {gap: 2})]);
    expect(report.looseLines.map((f) => f.text)).toEqual(['七八九十百千', '一二三四五六']);
  });

  it('should count drawn U+0020 and U+00A0 next to full-width marks, not U+3000 or spaces between letters', () => {
    const report = lineReport([line('甲 ，乙'), line('甲。\u00a0乙'), line('甲\u3000，乙'), line('a b 甲'), line('“ 引号')]);
    expect(report.spacesNextToFullWidth.map((f) => f.context)).toEqual(['甲␣，乙', '甲。␣乙', '“␣引号']);
  });

  it('should skip excluded pages and lines, and empty lines', () => {
    const lines = [line('，第一页', {page: 1}), line('，第二页', {page: 2}), line('   ', {page: 2})];
    expect(lineReport(lines, {excludePages: [1]}).startViolations.map((f) => f.page)).toEqual([2]);
    expect(lineReport(lines, {excludeLines: (l) => l.page === 2})).toMatchObject({lines: 1, startViolations: [{page: 1}]});
  });
});
