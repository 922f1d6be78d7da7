import type {BookMeta} from '../../model/book.js';
import {chineseNumber} from '../../typography/chinese-numerals.js';

/** A folio in the book's style: 12 or 十二. */
export function folioText(n: number, style: BookMeta['folio']): string {
  return style === 'chinese' ? chineseNumber(n) : String(n);
}

/** Lower-case roman numerals for front matter folios (1 → i). */
export function romanFolio(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  for (let rest = n, i = 0; rest > 0; ) {
    const [value, numeral] = table[i]!;
    if (rest >= value) {
      out += numeral;
      rest -= value;
    } else i++;
  }
  return out;
}
