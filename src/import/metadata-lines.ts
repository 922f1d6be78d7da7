/**
 * Lines around an article's title or at its end that carry its metadata, not its text: a
 * byline (`记者 段华良`), a date line (`发布时间：2024-01-31 10:20`), a source line
 * (`来源：新华社`). Plain text and web pages alike print them under the title.
 */

/** Who did what in a byline: `记者`, `通讯员`, `文/`, `作者：` … */
const ROLE = /(?:记者|通讯员|特约撰稿人?|撰稿|作者|文|图|图文|摄影|摄|编辑|责编|供稿)$/;
/** `来源:宁视界公众号`, `（来源：人民日报）`. */
const SOURCE = /^[（(]?\s*(?:来源|稿源|转自|出处)\s*[：:]\s*(.+?)\s*[）)]?$/;
/** A date as offices write it: 2019年12月5日, 2019-12-05, 2019.12.05, 2019/12/5. */
const DATE = /(\d{4})\s*(?:年|[-./])\s*(\d{1,2})\s*(?:月|[-./])\s*(\d{1,2})\s*日?/;
/** A date and nothing else but the day of the week and a time: `2024年1月31日 星期三 10:20`, `2024-01-31 10:20:05`. */
const DATE_ONLY = new RegExp(
  `^${DATE.source}(?:\\s*(?:星期|周)[一二三四五六日天])?(?:\\s*\\d{1,2}[:：]\\d{2}(?:[:：]\\d{2})?)?(?:\\s*(?:星期|周)[一二三四五六日天])?$`,
);
/** Where a `label：value` field starts in a metadata line: the line's start, or after a space or a bar. */
const FIELD = /(?:^|[\s\u3000|｜]+)([\p{Script=Han}]{1,7})\s*[：:]\s*/gu;
/** Labels whose value is the article's date: 出版日期, 发布时间, 日期, 时间, 更新于 … (not 会议时间: that is the text's). */
const DATE_LABEL = /^(?:日期|时间|(?:发布|发表|出版|更新|印发|成文|发文|刊发|发稿|上传|录入)(?:日期|时间|于)?)$/;
/** Labels of a news page's counters and buttons, which may share the date's line. */
const PAGE_LABEL = /^(?:浏览|浏览次数|浏览量|点击|点击数|点击量|阅读|阅读量|阅读次数|访问量|字号|字体|分享|分享到|打印|责任编辑|编辑|审核|校对)$/;

/**
 * The names in a byline (`宁乡市融媒体中心记者 段华良 通讯员 李强` → 段华良、李强), joined
 * with 、: a short line of role words (each may follow an office's name) and names of two to
 * four Han characters, nothing else.
 */
export function bylineOf(line: string): string | undefined {
  if (line.length > 40) return undefined;
  const tokens = line.split(/[\s、，,：:／/|｜]+/).filter(Boolean);
  const names: string[] = [];
  let roles = 0;
  for (const token of tokens) {
    if (ROLE.test(token)) roles++;
    else if (DATE.test(token)) continue;
    else if (/^\p{Script=Han}{2,4}$/u.test(token) && roles > 0) names.push(token);
    else return undefined;
  }
  return names.length > 0 ? names.join('、') : undefined;
}

/** What a `来源:` line names. */
export function sourceOf(line: string): string | undefined {
  return line.length <= 60 ? SOURCE.exec(line)?.[1] : undefined;
}

/** The first date in a line, as YYYY-MM-DD. */
export function dateOf(line: string): string | undefined {
  const match = DATE.exec(line);
  return match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : undefined;
}

/** What a date line says: its date, and the source and author when they share its line. */
export interface DateLine {
  date: string;
  source?: string;
  author?: string;
}

/**
 * A line that is a date and nothing of the article's text: a bare date (`2024-01-31 10:20`),
 * a label and a date (`出版日期：2024-01-31`, `发布时间：2024年1月31日 10:20`), or fields
 * side by side (`来源：新华社　发布时间：2024-01-31　浏览次数：35`). Any other field, or a
 * sentence, and it is not one.
 */
export function dateLineOf(text: string): DateLine | undefined {
  const line = text
    .replace(/^[\s\u3000【[（(]+|[\s\u3000】\]）)]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (line.length > 80) return undefined;
  if (DATE_ONLY.test(line)) return {date: dateOf(line)!};
  const starts = [...line.matchAll(FIELD)];
  if (starts.length === 0 || starts[0]!.index !== 0) return undefined;
  const found: Partial<DateLine> = {};
  for (const [i, start] of starts.entries()) {
    const label = start[1]!;
    const value = line.slice(start.index + start[0].length, starts[i + 1]?.index ?? line.length).trim();
    const author = bylineOf(`${label} ${value}`);
    if (DATE_LABEL.test(label) && DATE_ONLY.test(value)) found.date ??= dateOf(value);
    else if (sourceOf(`${label}：${value}`)) found.source ??= value;
    else if (PAGE_LABEL.test(label)) continue;
    else if (author) found.author ??= author;
    else return undefined;
  }
  return found.date ? (found as DateLine) : undefined;
}
