#!/usr/bin/env node
import {EnvironmentError, formatMessages, InputError, UsageError} from '../report/messages.js';

const USAGE = `用法：huibian <命令> [选项]

命令：
  build [书的文件夹]   生成 PDF、EPUB、HTML 或小册子（文件夹默认为当前文件夹）
      --format pdf|epub|html|booklet   输出格式（默认 pdf）
      --out 文件          输出到这里（默认 书的文件夹/build/book.pdf、book.epub 或 build/html/）
      --writing-mode horizontal|vertical   横排或竖排（默认按 book.yaml）
      --to zh-Hant|zh-TW|zh-HK   转为繁体中文（默认按 book.yaml 的 language）
    PDF 交印厂：
      --press             出血、裁切框（TrimBox/BleedBox），去掉链接
      --bleed 毫米        出血宽度（默认 3）
      --marks             画裁切线
      --pdfx gray|cmyk    转为 PDF/X-1a（需要 Ghostscript）
    小册子（--format booklet，骑马钉）：
      --select 部分,标签,文件   只收这些稿件（默认全部）
      --title 标题        小册子封面上的标题
      --sheet A4|A3       纸张（默认能并排放两页的最小纸）
      --binding left|right   装订边（竖排默认 right）
      --signature 页数    每帖页数（4 的倍数）
      --duplex short|long    双面打印的翻转方式（默认 short）
      --creep 毫米        每张纸向书脊的偏移（纸厚）
      --calibration       只印一张校准页，先试打印机
      --allow-missing-images  找不到或损坏的图片只警告，在书中标出“缺图”（默认是错误）
  check [书的文件夹] [--fix]   检查 book.yaml 和稿件，不生成文件；--fix 自动修正标点等
  import 文件或文件夹… [--to manuscripts/] [--part 部分] [--force]
                      把 .txt、网页 .html 和 Word .docx 转为稿件（huibian import --help 详见）

  -h, --help           显示本帮助
  -v, --version        显示版本`;

/** Commands load lazily, so `--help` never starts a browser or reads fonts. */
const COMMANDS: Record<string, () => Promise<{run(argv: string[], signal: AbortSignal): Promise<void>}>> = {
  build: () => import('./build-command.js'),
  check: () => import('./check-command.js'),
  import: () => import('./import-command.js'),
};

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (name === '-v' || name === '--version') {
    const {createRequire} = await import('node:module');
    process.stdout.write(`${(createRequire(import.meta.url)('../../package.json') as {version: string}).version}\n`);
    return;
  }
  const load = COMMANDS[name];
  if (!load) throw new UsageError(`未知的命令 \`${name}\`：可用的命令有 ${Object.keys(COMMANDS).join('、')}`);

  // One controller for the whole run: Ctrl-C stops the browser and leaves no partial output.
  const controller = new AbortController();
  const stop = () => controller.abort(new EnvironmentError('已取消，未写出任何文件'));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await (await load()).run(rest, controller.signal);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof InputError) {
    process.stderr.write(`${formatMessages(error.files)}\n✖ ${error.message}\n`);
  } else if (error instanceof EnvironmentError || error instanceof UsageError) {
    process.stderr.write(`✖ ${error.message}\n`);
    if (error instanceof UsageError) process.stderr.write('运行 `huibian --help` 查看用法\n');
  } else {
    process.stderr.write(`✖ 内部错误（请报告）：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
