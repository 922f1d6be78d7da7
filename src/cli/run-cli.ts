import {CancelledError, EnvironmentError, formatMessages, InputError, UsageError} from '../report/messages.js';

const USAGE = `用法：huibian <命令> [选项]

命令：
  build [书的文件夹]        生成 PDF、EPUB、HTML 或小册子（默认当前文件夹，PDF）
  check [书的文件夹]        检查 book.yaml 和稿件，不生成文件；--fix 自动修正标点等
  import 文件或文件夹…      把 .txt、网页 .html 和 Word .docx 转为稿件
  new 文件夹                新建一本书（带注释的 book.yaml、样式开关、示例稿件）
  preview [书的文件夹]      在浏览器里预览排好的书，保存后自动更新
  stats [书的文件夹]        统计字数、篇数、图片和页数，按篇、作者、来源、部分或月份

  huibian <命令> --help    该命令的全部选项和例子
  -h, --help               显示本帮助
  -v, --version            显示版本

例：huibian new 青溪镇年鉴 && huibian build 青溪镇年鉴`;

/** Commands load lazily, so `--help` never starts a browser or reads fonts. A command resolves to its exit code, or to nothing for 0. */
const COMMANDS: Record<string, () => Promise<{USAGE: string; run(argv: string[], signal: AbortSignal): Promise<unknown>}>> = {
  build: () => import('./build-command.js'),
  check: () => import('./check-command.js'),
  import: () => import('./import-command.js'),
  new: () => import('./new-command.js'),
  preview: () => import('./preview-command.js'),
  stats: () => import('./stats-command.js'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (name === '-v' || name === '--version') {
    const {createRequire} = await import('node:module');
    process.stdout.write(`${(createRequire(import.meta.url)('../../package.json') as {version: string}).version}\n`);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) throw new UsageError(`未知的命令 \`${name}\`：可用的命令有 ${Object.keys(COMMANDS).join('、')}`);

  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.USAGE}\n`);
    return 0;
  }

  // One controller for the whole run: Ctrl-C stops the browser and leaves no partial output.
  const controller = new AbortController();
  const stop = (signal: 'SIGINT' | 'SIGTERM') => controller.abort(new CancelledError(signal));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const code = await command.run(rest, controller.signal);
    return typeof code === 'number' ? code : 0;
  } catch (error) {
    // Whatever a cancelled command failed with (a browser closed under it, say), it was cancelled.
    throw controller.signal.aborted ? controller.signal.reason : error;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/**
 * Run the command line `argv` (the arguments after `huibian`) as the `huibian` command does:
 * output and messages on stdout and stderr; resolves to the exit code (0, 1 for a failed
 * build or check, 2 for a usage error, 130 after Ctrl-C). Never rejects.
 */
export async function runCli(argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`${formatMessages(error.files)}\n✖ ${error.message}\n`);
    } else if (error instanceof EnvironmentError || error instanceof UsageError) {
      process.stderr.write(`✖ ${error.message}\n`);
      if (error instanceof UsageError) process.stderr.write('运行 `huibian --help` 查看用法\n');
    } else {
      process.stderr.write(`✖ 内部错误（请报告）：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    return error instanceof CancelledError ? error.exitCode : error instanceof UsageError ? 2 : 1;
  }
}
