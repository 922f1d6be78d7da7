const DIGITS = '〇一二三四五六七八九';

/**
 * A counting number in Chinese numerals, as in 第十二部分 (GB/T 15835 keeps Chinese numerals
 * for ordinals in titles): 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五.
 */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`chineseNumber: ${n} is outside 0–9999`);
  if (n < 10) return DIGITS[n]!;
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  for (const [i, d] of digits.entries()) {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) {
      zero = true;
      continue;
    }
    if (zero && out) out += '零';
    zero = false;
    out += DIGITS[d]! + unit;
  }
  // 一十二 is written 十二 when it leads.
  return out.startsWith('一十') ? out.slice(1) : out;
}

/** 2025-03-12 → 2025年3月12日 (GB/T 15835: Arabic numerals for dates in running text). */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
