import {NORMALIZE_ROUNDS} from '../typography/normalize.js';
import path from 'node:path';
import {parseCommandLine} from './parse.js';
import {compileBook} from '../book/compile.js';
import {articlesOf} from '../model/book.js';
import {loadConfig} from '../config/load.js';
import {applySourceFixes} from '../lint/apply-fixes.js';
import {checkImages} from '../lint/image-resolution.js';
import {checkFontCoverage} from '../lint/font-coverage.js';
import {formatMessages} from '../report/messages.js';
import {UsageError} from '../report/messages.js';

export const USAGE = `用法：huibian check [书的文件夹] [--fix]

检查 book.yaml 和所有稿件（标点、引号、括号、图片、字体覆盖、疑似身份证号和手机号），不生成文件；有问题时退出码为 1。

  --fix    自动修正能安全修正的问题（半角逗号、引号、空格等），直接改稿件

例：huibian check . --fix`;

/**
 * `huibian check [BOOK_DIR] [--fix]`: read and lint everything, write nothing (but with
 * `--fix`, the safe typographic fixes into the manuscripts). Exits 1 while problems remain.
 */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, {fix: {type: 'boolean', default: false}});
  if (parsed.positionals.length > 1) throw new UsageError('用法：huibian check [书的文件夹] [--fix]');
  const loaded = await loadConfig(path.resolve(parsed.positionals[0] ?? '.'));
  let {book, files} = await compileBook(loaded, undefined, {lint: true});

  if (parsed.values.fix) {
    let fixed = 0;
    // A fix can make the next one visible (a mark next to a mark just made full-width): a few rounds.
    for (let round = 0; round < NORMALIZE_ROUNDS && files.some((f) => f.data.fixes?.length); round++) {
      for (const file of files) fixed += await applySourceFixes(path.resolve(file.cwd, file.path), file.data.fixes ?? []);
      // Check again, so that what is printed is what remains.
      ({book, files} = await compileBook(await loadConfig(loaded.bookDir), undefined, {lint: true}));
    }
    process.stderr.write(`✔ 已修正 ${fixed} 处\n`);
  }
  await checkImages(book, files);
  await checkFontCoverage(book, files);

  const messages = formatMessages(files);
  if (messages) process.stderr.write(`${messages}\n`);
  const problems = files.reduce((n, f) => n + f.messages.length, 0);
  const summary = `${book.parts.length} 个部分，${articlesOf(book).length} 篇稿件，${book.assets.length} 张图片`;
  if (problems === 0) {
    process.stderr.write(`✔ 检查通过：${summary}\n`);
    return 0;
  }
  const fixable = files.reduce((n, f) => n + (f.data.fixes?.length ?? 0), 0);
  process.stderr.write(`✖ ${problems} 处问题（${summary}）${fixable > 0 ? `；其中 ${fixable} 处可用 --fix 自动修正` : ''}\n`);
  return 1;
}
