/**
 * A table for people and one for spreadsheets: columns aligned by display width on a
 * terminal, and CSV that WPS and Excel open as Chinese text.
 */

/** A cell: text is set left, numbers right. */
export type Cell = string | number;

/** Characters a terminal draws two columns wide: Han, kana, Hangul, full-width forms, CJK marks. */
const WIDE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u2E80-\u2FFF\u3000-\u303F\u3200-\u33FF\uFE30-\uFE4F\uFF01-\uFF60\uFFE0-\uFFE6\p{Emoji_Presentation}]/u;
/** Characters that take no column: combining marks, zero-width and format characters. */
const ZERO = /[\p{M}\p{Cf}]/u;

/**
 * Columns `text` takes on a terminal. Marks of ambiguous width (“” — … ·) count one, as most
 * terminals draw them; half-width katakana too.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0xff61 && code <= 0xff9f) width += 1;
    else if (WIDE.test(char)) width += 2;
    else if (!ZERO.test(char)) width += 1;
  }
  return width;
}

/** Lines of an aligned table: the header, the rows, a rule, and the total row; two spaces between columns. */
export function formatTable(header: string[], rows: Cell[][], total: Cell[]): string {
  const all = [header, ...rows, total];
  const widths = header.map((_, column) => Math.max(...all.map((row) => displayWidth(String(row[column] ?? '')))));
  const numeric = header.map((_, column) => rows.concat([total]).some((row) => typeof row[column] === 'number'));
  const line = (row: Cell[]) =>
    row
      .map((cell, column) => {
        const text = String(cell);
        const pad = ' '.repeat(widths[column]! - displayWidth(text));
        return numeric[column] ? pad + text : text + pad;
      })
      .join('  ')
      .trimEnd();
  const rule = '-'.repeat(widths.reduce((n, w) => n + w, 0) + 2 * (widths.length - 1));
  return [line(header), ...rows.map(line), rule, line(total)].join('\n');
}

/**
 * CSV as WPS and Excel read Chinese: UTF-8 with a byte order mark (without it they guess GBK),
 * CRLF line ends, fields with a comma, quote or line break quoted (RFC 4180).
 */
export function formatCsv(rows: Cell[][]): string {
  const field = (cell: Cell) => {
    const text = String(cell);
    return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
