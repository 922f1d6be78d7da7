import {existsSync} from 'node:fs';
import {relative} from 'node:path';
import {buildBook} from '../build.js';
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
    // Outputs are only ever replaced whole (written beside, then renamed): the last good one
    // is still there, untouched, and the user is told it is not this build's.
    if (error instanceof Error && existsSync(options.out)) error.message += `；上次的 ${relative(process.cwd(), options.out) || options.out} 保持原样，未更新`;
    throw error;
  }
}
