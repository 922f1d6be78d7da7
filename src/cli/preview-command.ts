import path from 'node:path';
import {startPreview} from '../preview/preview-server.js';
import {UsageError} from '../report/messages.js';
import {oneOf, parseCommandLine} from './parse.js';
import {WRITING_MODES} from '../config/schema.js';

export const USAGE = `用法：huibian preview [书的文件夹] [--port 端口] [--writing-mode horizontal|vertical]

在浏览器里看排好的书：在 127.0.0.1 上开一个本机服务，横排书按 PDF 的方式分页显示。
保存稿件、模板或 book.yaml 后自动重排，打开的页面自动更新；稿件有错时页面上显示错在哪里。
按 Ctrl-C 结束。

  --port 端口              端口（默认 4173；0 为任选一个空闲端口）
  --writing-mode horizontal|vertical   横排或竖排（默认按 book.yaml；竖排预览不分页，分页以 PDF 为准）

例：huibian preview . --port 8080`;

/** `huibian preview`: serve and rebuild until Ctrl-C (the signal), then close everything. */
export async function run(argv: string[], signal: AbortSignal): Promise<void> {
  const {values, positionals} = parseCommandLine(argv, {port: {type: 'string', default: '4173'}, 'writing-mode': {type: 'string'}});
  if (positionals.length > 1) throw new UsageError(USAGE);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`端口应为 0–65535 的整数，而不是 \`${values.port}\``);
  const mode = oneOf(values['writing-mode'], WRITING_MODES, '排法', 'horizontal（横排）、vertical（竖排）');
  const preview = await startPreview({
    bookDir: path.resolve(positionals[0] ?? '.'),
    port,
    writingMode: mode,
    onBuild: ({seconds, error}) => process.stderr.write(error ? `✖ 稿件有错（详见页面）：${error.split('\n')[0]}\n` : `✔ 已更新（${seconds.toFixed(1)} 秒）\n`),
  }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`端口 ${port} 已被占用：请用 --port 换一个（如 --port 0 任选）`);
    throw error;
  });
  process.stderr.write(`预览：${preview.url}  （保存后自动更新，Ctrl-C 结束）\n`);
  // A Ctrl-C while the preview was starting has already fired: it ends the preview at once.
  if (!signal.aborted) await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), {once: true}));
  await preview.close();
  process.stderr.write('预览已结束\n');
}
