import {describe, expect, it} from 'vitest';
import {TimeLeft} from '../../src/render/pdf/paged/time-left.js';

describe('TimeLeft', () => {
  it('should say nothing in the first seconds', () => {
    expect(new TimeLeft([5000, 5000], 0).estimate([3, 0], 2000)).toBeUndefined();
  });

  it('should scale the time so far by the characters still to lay out, with the pages the book’s chunks make', () => {
    const eta = new TimeLeft([10_000, 10_000, 10_000, 10_000], 0);
    eta.done(0, 25);
    // 10 s for one chunk of four (400 characters a page): 30 s and 75 pages to go.
    expect(eta.estimate([25, 0, 0, 0], 10_000)).toEqual({pages: 100, seconds: 30});
    // Half of the second chunk laid out besides.
    expect(eta.estimate([25, 12.5, 0, 0], 15_000)).toEqual({pages: 100, seconds: 25});
  });

  it('should leave cached chunks out of the rate: they took no time', () => {
    const eta = new TimeLeft([10_000, 10_000, 10_000], 0);
    eta.cached(0);
    eta.cached(1);
    eta.done(2, 20);
    expect(eta.estimate([20, 20, 20], 4000)).toEqual({pages: 60, seconds: 0});
  });
});
