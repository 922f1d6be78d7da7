import path from 'node:path';
import {writeAtomic} from '../files/write-atomic.js';
import {EnvironmentError, formatMessages, UsageError} from '../report/messages.js';
import {type BookStats, STATS_BY, type StatsBy, type StatsRow, statsOf} from '../outputs/stats.js';
import {parseCommandLine} from './parse.js';
import {Progress} from './progress.js';
import {type Cell, formatCsv, formatTable} from './table.js';

export const USAGE = `用法：huibian stats [书的文件夹] [选项]

统计字数、篇数、图片和页数（页数按排好的书计），每篇一行或按作者、来源、部分、月份分组，末行合计。
字数按办公室的算法：每个汉字、每个全角标点算一个，一串连续的字母或数字（2025、5G、3.5）算一个。

  --by article|author|source|part|month   按篇（默认）、作者、来源、部分或月份统计
  --csv 文件               写成 CSV 文件（UTF-8 带 BOM，WPS、Excel 可直接打开），不在屏幕上列表

例：huibian stats . --by month
    huibian stats 年鉴 --by author --csv 作者统计.csv`;

/** What each grouping's first column is called. */
const SAY_BY = 'article（按篇）、author（按作者）、source（按来源）、part（按部分）、month（按月份）';

/** `huibian stats [BOOK_DIR] [--by …] [--csv FILE]`: count the book, print a table or write a CSV. */
export async function run(argv: string[], signal: AbortSignal): Promise<void> {
  const {values, positionals} = parseCommandLine(argv, {by: {type: 'string', default: 'article'}, csv: {type: 'string'}});
  if (positionals.length > 1) throw new UsageError(`只能给一个书的文件夹，却给了 ${positionals.length} 个：${positionals.join(' ')}`);
  const by = values.by as StatsBy;
  if (!STATS_BY.includes(by)) throw new UsageError(`未知的统计方式 \`${values.by}\`：可用 ${SAY_BY}`);
  if (values.csv === '') throw new UsageError('--csv 需要一个文件名，如 --csv 统计.csv');
  const bookDir = path.resolve(positionals[0] ?? '.');
  const csv = values.csv === undefined ? undefined : path.resolve(values.csv);

  const progress = new Progress();
  try {
    // The book is laid out, not written: the only 写出文件 step is the CSV's.
    const {stats, files} = await statsOf({bookDir, by}, {progress, signal});
    if (csv) {
      progress.step('write');
      await writeAtomic(csv, formatCsv(tableOf(stats).all)).catch((cause: NodeJS.ErrnoException) => {
        // A path the user typed (a folder, no permission): their mistake to fix, not a crash to report.
        const reason = {EISDIR: '这是一个文件夹', EACCES: '没有写入权限', EPERM: '没有写入权限', ENOSPC: '磁盘已满', EROFS: '磁盘只读'}[cause.code ?? ''];
        throw new EnvironmentError(`写不出 CSV 文件 ${csv}：${reason ?? cause.message}`, {cause});
      });
    }
    progress.end();
    const warnings = formatMessages(files);
    if (warnings) process.stderr.write(`${warnings}\n`);
    const total = progress.steps.reduce((n, [, seconds]) => n + seconds, 0);
    // The rows sum the articles' pages; the book's own count tells what the rest (cover, contents, part pages, blanks) takes.
    const summary = `${stats.total.articles} 篇，全书 ${stats.pageCount} 页，文章占 ${stats.total.pages} 页，${total.toFixed(1)} 秒`;
    if (csv) process.stderr.write(`完成：${path.relative(process.cwd(), csv) || csv}（${summary}）\n`);
    else {
      const {header, rows, totalRow} = tableOf(stats);
      process.stdout.write(`${formatTable(header, rows, totalRow)}\n`);
      process.stderr.write(`完成：${summary}\n`);
    }
  } catch (error) {
    progress.fail();
    throw error;
  }
}

/** The table of `stats`: article rows show their pages' folios, group rows their number of articles. */
function tableOf(stats: BookStats): {header: string[]; rows: Cell[][]; totalRow: Cell[]; all: Cell[][]} {
  const byArticle = stats.by === 'article';
  const {by, columns} = stats.labels.stats;
  const header = byArticle
    ? [by.article, columns.chars, columns.images, columns.pages, columns.first, columns.last]
    : [by[stats.by], columns.articles, columns.chars, columns.images, columns.pages];
  const cells = (row: StatsRow): Cell[] =>
    byArticle
      ? [row.label, row.chars, row.images, row.pages, row.folios?.first ?? '', row.folios?.last ?? '']
      : [row.label, row.articles, row.chars, row.images, row.pages];
  const rows = stats.rows.map(cells);
  const totalRow = byArticle
    ? [`${stats.total.label}（${stats.labels.articleCount(stats.total.articles)}）`, stats.total.chars, stats.total.images, stats.total.pages, '', '']
    : cells(stats.total);
  return {header, rows, totalRow, all: [header, ...rows, totalRow]};
}
