import {relative} from 'node:path';
import {buildBook} from '../build.js';
import {removeStale} from '../files/write-atomic.js';
import {formatMessages} from '../report/messages.js';
import {parseBuildOptions} from './build-args.js';
import {Progress} from './progress.js';

/** `huibian build`: options → build with progress → warnings and the output path. */
export async function run(argv: string[], signal: AbortSignal): Promise<void> {
  const options = parseBuildOptions(argv);
  const progress = new Progress();
  try {
    const result = await buildBook(options, {progress, signal});
    progress.end();
    const warnings = formatMessages(result.files);
    if (warnings) process.stderr.write(`${warnings}\n`);
    const total = progress.steps.reduce((sum, [, seconds]) => sum + seconds, 0);
    const pages = result.pageCount === undefined ? '' : `，${result.pageCount} 页`;
    process.stderr.write(`完成：${relative(process.cwd(), result.out) || result.out}（${total.toFixed(1)} 秒${pages}）\n`);
  } catch (error) {
    progress.fail();
    // A failed build leaves no output behind that could pass for a fresh one.
    await removeStale(options.out);
    throw error;
  }
}
