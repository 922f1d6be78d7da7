import {describe, expect, it} from 'vitest';
import {impose, paddedPages} from '../../src/impose/order.js';

/** The docs/print.md formula written out independently: sheet i of P pages, left binding. */
function formula(P: number, i: number): {front: [number, number]; back: [number, number]} {
  return {front: [P - 2 * i, 2 * i + 1], back: [2 * i + 2, P - 2 * i - 1]};
}

describe('booklet imposition', () => {
  it('should match docs/print.md for 8 pages in both bindings', () => {
    expect(impose(8, {binding: 'left'})).toEqual([
      {front: [8, 1], back: [2, 7]},
      {front: [6, 3], back: [4, 5]},
    ]);
    expect(impose(8, {binding: 'right'})).toEqual([
      {front: [1, 8], back: [7, 2]},
      {front: [3, 6], back: [5, 4]},
    ]);
  });

  it('should put blanks before the back cover, never after it', () => {
    expect(paddedPages(5)).toEqual([1, 2, 3, 4, 0, 0, 0, 5]);
    expect(paddedPages(8)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(paddedPages(1)).toEqual([1, 0, 0, 0]);
    expect(() => paddedPages(0)).toThrow(RangeError);
  });

  for (let n = 1; n <= 40; n++) {
    it(`should impose ${n} pages by the formula, each page once, both bindings, several signatures`, () => {
      const padded = paddedPages(n);
      for (const signature of [undefined, 4, 8, 16]) {
        for (const binding of ['left', 'right'] as const) {
          const sheets = impose(n, {binding, signature});
          const size = signature ?? padded.length;
          let sheet = 0;
          for (let start = 0; start < padded.length; start += size) {
            const P = Math.min(size, padded.length - start);
            for (let i = 0; i < P / 4; i++, sheet++) {
              const f = formula(P, i);
              const at = (k: number) => padded[start + k - 1]!;
              const want =
                binding === 'left'
                  ? {front: [at(f.front[0]), at(f.front[1])], back: [at(f.back[0]), at(f.back[1])]}
                  : {front: [at(f.front[1]), at(f.front[0])], back: [at(f.back[1]), at(f.back[0])]};
              expect(sheets[sheet]).toEqual(want);
            }
          }
          expect(sheets.length).toBe(padded.length / 4);
          const printed = sheets
            .flatMap((s) => [...s.front, ...s.back])
            .filter((p) => p > 0)
            .sort((a, b) => a - b);
          expect(printed).toEqual(Array.from({length: n}, (_, i) => i + 1));
        }
      }
    });
  }

  it('should refuse a signature that is not a multiple of 4', () => {
    expect(() => impose(8, {binding: 'left', signature: 6})).toThrow(RangeError);
  });
});
