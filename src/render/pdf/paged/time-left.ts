/**
 * An estimate of the pages of a layout in chunks and the seconds it has left, from the
 * characters laid out so far (cached chunks cost nothing) and how many pages they made.
 * None in the first seconds, when there is too little to go by.
 */
export class TimeLeft {
  private readonly skipped = new Set<number>();
  private readonly finished = new Map<number, number>();

  constructor(
    private readonly chars: number[],
    private readonly started = performance.now(),
  ) {}

  cached(index: number): void {
    this.skipped.add(index);
  }

  done(index: number, pages: number): void {
    this.finished.set(index, pages);
  }

  estimate(counts: number[], now = performance.now()): {pages: number; seconds: number} | undefined {
    const seconds = (now - this.started) / 1000;
    if (seconds < 3) return undefined;
    let doneChars = 0;
    let donePages = 0;
    for (const [index, pages] of this.finished) {
      doneChars += this.chars[index]!;
      donePages += pages;
    }
    // An A5 page holds about 500 characters, until the book's own chunks tell.
    const charsPerPage = donePages > 0 ? doneChars / donePages : 500;
    let laidChars = doneChars;
    let toLay = 0;
    this.chars.forEach((chars, index) => {
      if (this.skipped.has(index)) return;
      toLay += chars;
      if (!this.finished.has(index)) laidChars += Math.min(chars, counts[index]! * charsPerPage);
    });
    if (laidChars === 0) return undefined;
    const total = this.chars.reduce(
      (sum, chars, index) => sum + (this.finished.get(index) ?? (this.skipped.has(index) ? counts[index]! : chars / charsPerPage)),
      0,
    );
    return {pages: Math.round(total), seconds: Math.ceil((seconds * (toLay - laidChars)) / laidChars)};
  }
}
