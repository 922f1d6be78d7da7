import path from 'node:path';
import {compileBook} from '../../book/compile.js';
import {articlesOf} from '../../book/model.js';
import {loadConfig} from '../../config/load.js';
import {formatMessages} from '../../report/messages.js';
import {UsageError} from '../usage-error.js';

/** `huibian check [BOOK_DIR]`: read and check everything, write nothing. */
export async function run(argv: string[]): Promise<void> {
  const dirs = argv.filter((arg) => !arg.startsWith('-'));
  if (dirs.length > 1 || dirs.length !== argv.length) throw new UsageError('用法：huibian check [书的文件夹]');
  const {book, files} = await compileBook(await loadConfig(path.resolve(dirs[0] ?? '.')));
  const messages = formatMessages(files);
  if (messages) process.stderr.write(`${messages}\n`);
  process.stderr.write(`✔ 检查通过：${book.parts.length} 个部分，${articlesOf(book).length} 篇稿件，${book.assets.length} 张图片\n`);
}
