/** Latin runs shorter than this never get break points: a short word fits a line's slack. */
const MIN_BREAKABLE_RUN = 10;

/** A Latin run: printable ASCII (and the ratio sign ∶) between spaces and CJK. */
const RUN = /[\x21-\x7E∶]+/g;

/**
 * Where a long Latin run — a path, URL, package or file name, a run of ratios — may break
 * (docs/typography.md rule 22), as offsets into `text` after which a line may end. A typesetter
 * breaks after `/ _ - ∶ : & ? =` before a letter or digit, after `.` or `,` before a letter
 * (`README.Debian`, `{french,italian}`), before `@`, never inside a number (3.14, 1,200, 8:30, 2025-12-01) nor between doubled
 * marks (`//`, `--`). Without these the
 * browser can only stretch the line before such a run, letter by letter.
 */
export function latinBreaks(text: string): number[] {
  const breaks: number[] = [];
  for (const match of text.matchAll(RUN)) {
    const run = match[0];
    if (run.length < MIN_BREAKABLE_RUN) continue;
    for (let i = 1; i < run.length - 1; i++) {
      const [before, c, next] = [run[i - 1]!, run[i]!, run[i + 1]!];
      // Before an address's @ (`devel@lists`), as one breaks an e-mail address.
      if (next === '@' && /[A-Za-z0-9]/.test(c)) {
        breaks.push(match.index + i + 1);
        continue;
      }
      // Never inside doubled marks (after `//`, yes), nor after the marks a run begins with (`--with`).
      if (next === c || !/[A-Za-z0-9~]/.test(next) || [...run.slice(0, i + 1)].every((m) => m === c)) continue;
      const inNumber = /[0-9]/.test(before) && /[0-9]/.test(next);
      const ok = '/_&?=∶'.includes(c) || ('-:'.includes(c) && !inNumber) || ('.,'.includes(c) && /[A-Za-z]/.test(next));
      if (ok) breaks.push(match.index + i + 1);
    }
  }
  return breaks;
}
