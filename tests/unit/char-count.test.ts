import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {countChars} from '../../src/typography/char-count.js';

describe('character count as offices count it (字数, docs/stats.md)', () => {
  // Each case counted by hand; the comment splits it into what counts.
  const cases: Array<[string, number, string]> = [
    ['青溪镇', 3, 'Han: one each'],
    ['。，、；：？！', 7, 'full-width marks: one each'],
    ['“”‘’《》（）', 8, 'quotes, title marks and brackets: one each'],
    ['——', 2, 'the dash is two characters'],
    ['……', 2, 'the ellipsis is two characters'],
    ['桃坪村茶农·彭家旺', 9, '8 Han + the middle dot'],
    ['Hello world', 2, 'two Latin words'],
    ['2025年', 2, '2025 | 年'],
    ['5G信号', 3, '5G | 信 | 号: letters and digits make one run'],
    ['3.5', 1, 'a decimal is one number'],
    ['1,200', 1, 'a thousands separator stays in the number'],
    ['8:30', 1, 'a time is one run'],
    ['COVID-19', 1, 'a hyphenated word is one run'],
    ['www.gov.cn', 1, 'a domain is one run'],
    ['6.1%', 1, 'an ASCII % counts nothing'],
    ['6.1％', 2, 'a full-width ％ counts one'],
    ['同比增长6.1%，', 6, '同比增长 | 6.1% | ，'],
    ['１２３', 3, 'full-width digits: one each'],
    ['a - b', 2, 'a lone ASCII mark counts nothing'],
    ['end.', 1, 'a full stop after a word is no part of it and counts nothing'],
    [' \t\n\u3000\u00A0', 0, 'spaces, the ideographic space and line breaks count nothing'],
    ['', 0, 'nothing'],
    ['Qīngxī', 1, 'pinyin with tone marks is one word'],
    ['Qi\u0304ngxi\u0304', 1, 'combining tone marks stay in the word'],
    ['25℃', 2, '25 | ℃'],
    ['①②', 2, 'circled numbers: one each'],
    ['m²', 1, 'a superscript stays in the word'],
    ['1—11月', 4, '1 | — | 11 | 月'],
    ['8个村（社区）实现5G信号全覆盖', 15, '8 | 个村 | （ | 社区 | ） | 实现 | 5G | 信号全覆盖'],
    ['《人民日报》2025年6月3日第2版', 15, '《人民日报》 (6) | 2025 年 6 月 3 日 第 2 版 (9)'],
    ['去年冬天\n2026年', 6, 'a line break ends a run'],
    ['𠀀𠀁', 2, 'Han beyond the BMP: one each, not two code units'],
    ['ab\u200Bcd', 1, 'a zero-width space does not split a word'],
  ];
  for (const [text, expected, why] of cases) {
    it(`should count ${JSON.stringify(text)} as ${expected} (${why})`, () => expect(countChars(text)).toBe(expected));
  }

  it('should count a line of Han as its length and add the counts of lines', () => {
    const han = fc.string({unit: fc.integer({min: 0x4e00, max: 0x9fff}).map((code) => String.fromCodePoint(code))});
    const mixed = fc.string({unit: fc.constantFrom('汉', '字', 'a', 'Z', '0', '9', '.', ',', ' ', '。', '“', '%', '-', '\n')});
    fc.assert(fc.property(han, (text) => countChars(text) === [...text].length));
    fc.assert(fc.property(mixed, mixed, (a, b) => countChars(`${a}\n${b}`) === countChars(a) + countChars(b)));
    // A count never exceeds the characters there are.
    fc.assert(fc.property(mixed, (text) => countChars(text) <= [...text].length));
  });
});
