import path from 'node:path';
import {parseArgs} from 'node:util';
import {UsageError} from '../usage-error.js';

export const FORMATS = ['pdf', 'epub', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** What `huibian build` was asked to do. */
export interface BuildOptions {
  bookDir: string;
  format: Format;
  /** Absolute output path: the PDF file, or the HTML folder. */
  out: string;
  /** Overrides `writingMode` of book.yaml. */
  writingMode?: 'horizontal' | 'vertical';
  /** Overrides `language` of book.yaml (`--to zh-Hant` converts to Traditional Chinese). */
  language?: string;
}

/** Parse `build [BOOK_DIR] --format pdf|epub|html [--out FILE] [--writing-mode horizontal|vertical] [--to zh-Hant]`; a wrong option is a {@link UsageError}. */
export function parseBuildOptions(argv: string[], cwd = process.cwd()): BuildOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: {type: 'string', short: 'f', default: 'pdf'},
        out: {type: 'string', short: 'o'},
        'writing-mode': {type: 'string'},
        to: {type: 'string'},
      },
    });
  } catch (cause) {
    throw new UsageError(`命令行有误：${(cause as Error).message}`);
  }
  const {values, positionals} = parsed;
  if (positionals.length > 1) throw new UsageError(`只能给一个书的文件夹，却给了 ${positionals.length} 个：${positionals.join(' ')}`);
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`未知的格式 \`${values.format}\`：可用 ${FORMATS.join('、')}`);
  const writingMode = values['writing-mode'];
  if (writingMode !== undefined && writingMode !== 'horizontal' && writingMode !== 'vertical') {
    throw new UsageError(`未知的排法 \`${writingMode}\`：可用 horizontal（横排）、vertical（竖排）`);
  }
  const bookDir = path.resolve(cwd, positionals[0] ?? '.');
  const defaultOut = path.join(bookDir, 'build', format === 'html' ? 'html' : `book.${format}`);
  const language = values.to;
  if (language !== undefined && !/^zh(-[A-Za-z]{2,4})*$/.test(language)) {
    throw new UsageError(`未知的语言 \`${language}\`：可用 zh-Hans（简体）、zh-Hant、zh-TW、zh-HK（繁体）`);
  }
  const out = values.out ? path.resolve(cwd, values.out) : defaultOut;
  return {bookDir, format, out, ...(writingMode ? {writingMode} : {}), ...(language ? {language} : {})};
}
