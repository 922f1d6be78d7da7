import {describe, expect, it} from 'vitest';
import {chineseDate, chineseNumber} from '../../src/typography/chinese-numerals.js';
import {latinRomanNumerals} from '../../src/typography/roman-numerals.js';

describe('Chinese numerals', () => {
  it('should write counting numbers as in titles', () => {
    expect([0, 1, 10, 12, 20, 21, 100, 105, 110, 1001, 2025].map(chineseNumber)).toEqual([
      '〇',
      '一',
      '十',
      '十二',
      '二十',
      '二十一',
      '一百',
      '一百零五',
      '一百一十',
      '一千零一',
      '二千零二十五',
    ]);
  });

  it('should refuse what it cannot write', () => {
    expect(() => chineseNumber(-1)).toThrow(RangeError);
    expect(() => chineseNumber(1.5)).toThrow(RangeError);
  });

  it('should write dates with Arabic digits', () => {
    expect(chineseDate('2025-03-09')).toBe('2025年3月9日');
  });

  it('should spell Roman numeral characters with Latin letters', () => {
    expect(latinRomanNumerals('启动Ⅱ级响应，Ⅳ类水质，ⅻ')).toBe('启动II级响应，IV类水质，xii');
  });
});
