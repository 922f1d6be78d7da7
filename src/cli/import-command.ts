import {readdir, stat} from 'node:fs/promises';
import path from 'node:path';
import type {FurnitureKind} from '../import/draft.js';
import {IMPORTABLE, type Imported, importFile} from '../import/import-file.js';
import {UsageError} from '../report/messages.js';
import {parseCommandLine} from './parse.js';

export const USAGE = `用法：huibian import 文件或文件夹… [--to manuscripts/] [--part 部分] [--force]

把 .txt（UTF-8、UTF-16、GBK/GB18030、Big5，自动识别）、网页 .html/.htm（含保存的微信文章）
和 Word .docx 转为稿件（Markdown，带标题、作者、日期、来源），图片存在稿件旁。

  --to 文件夹     稿件写到这里（默认 manuscripts/）
  --part 部分     稿件归入这个部分（写进 part:）
  --force         覆盖已有的同名稿件（默认不覆盖）

例：huibian import ~/下载/村里新闻.txt 汇报.docx --part 工作动态`;

/**
 * `huibian import FILE|DIR… [--to DIR] [--part NAME] [--force]`: each file becomes a
 * manuscript; one line per file says what was guessed. A file that cannot be imported is
 * reported and the others go on; the exit code says whether all went in.
 */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, {
    to: {type: 'string', default: 'manuscripts'},
    part: {type: 'string'},
    force: {type: 'boolean', default: false},
  });
  if (parsed.positionals.length === 0) throw new UsageError(`没有给出要导入的文件\n${USAGE}`);
  const files: string[] = [];
  for (const given of parsed.positionals) {
    const info = await stat(given).catch(() => undefined);
    if (!info) throw new UsageError(`找不到 ${given}`);
    if (info.isDirectory()) {
      const inside = (await readdir(given, {recursive: true})).filter((f) => IMPORTABLE.includes(path.extname(f).toLowerCase()));
      files.push(...inside.sort().map((f) => path.join(given, f)));
    } else files.push(given);
  }
  let failed = 0;
  for (const file of files) {
    try {
      const done = await importFile(file, {to: parsed.values.to, part: parsed.values.part, force: parsed.values.force});
      process.stderr.write(`✔ ${reportLine(done)}\n`);
      for (const warning of done.warnings.slice(0, 5)) process.stderr.write(`  ⚠ ${warning}\n`);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      failed++;
      process.stderr.write(`✖ ${error.message}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

/** How the report names each kind of page furniture left out. */
const FURNITURE_NAMES: Record<FurnitureKind, string> = {toc: '页内目录', top: '返回顶部链接', breadcrumb: '面包屑导航', pager: '翻页链接'};

/** `村里新闻.txt → manuscripts/村里新闻.md（GB18030；标题“…”；作者 …；…）` */
export function reportLine(done: Imported): string {
  const {draft} = done;
  const parts = [
    done.encoding,
    `标题“${draft.title}”`,
    draft.subtitle && `副题“${draft.subtitle}”`,
    draft.author && `作者 ${draft.author}`,
    draft.date && `日期 ${draft.date}`,
    draft.source && `来源 ${draft.source}`,
  ];
  const headings = draft.blocks.filter((b) => b.kind === 'heading').length;
  const paragraphs = draft.blocks.filter((b) => b.kind === 'paragraph').length;
  parts.push(`${paragraphs} 段${headings ? `、${headings} 个小标题` : ''}${done.images ? `、${done.images} 张图` : ''}`);
  if (done.remoteImages.length > 0) parts.push(`${done.remoteImages.length} 张网上的图片未下载，已标“缺图”`);
  if (done.svg.files > 0) {
    // What EPUB refused in the SVG pictures, the commonest first.
    const kinds = [...done.svg.changes].sort((a, b) => b[1] - a[1]);
    const named = kinds.slice(0, 3).map(([kind, n]) => `${kind} ${n} 处`);
    parts.push(`${done.svg.files} 张 SVG 按 EPUB 的要求改写（${named.join('、')}${kinds.length > 3 ? ` 等 ${kinds.length} 种` : ''}）`);
  }
  // Furniture of a known kind is named; other furniture quoted; lines read into the front matter are shown there.
  const kinds = [...new Set(draft.dropped.flatMap((d) => (d.as && d.as !== 'matter' ? [FURNITURE_NAMES[d.as]] : [])))];
  const left = draft.dropped.filter((d) => !d.as).map((d) => d.text);
  if (kinds.length + left.length > 0) {
    const quoted = left.slice(0, 3).map((line) => `“${[...line].slice(0, 20).join('')}${[...line].length > 20 ? '…' : ''}”`);
    parts.push(`删去 ${[...kinds, ...quoted].join('、')}${left.length > 3 ? ` 等 ${left.length} 处` : ''}`);
  }
  return `${done.from} → ${done.out}（${parts.filter(Boolean).join('；')}）`;
}
