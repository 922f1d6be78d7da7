import path from 'node:path';
import {oneOf, parseCommandLine} from './parse.js';
import {type BuildOptions, FORMATS, type Format} from '../core/options.js';
import {WRITING_MODES} from '../config/schema.js';
import {SHEETS, type SheetName} from '../impose/booklet.js';
import {UsageError} from '../report/messages.js';

const BOOKLET_FLAGS = ['select', 'title', 'sheet', 'binding', 'signature', 'duplex', 'creep', 'calibration'] as const;
const PRESS_FLAGS = ['bleed', 'marks', 'pdfx'] as const;
const OFFPRINT_FLAGS = ['each'] as const;
const COVER_FLAGS = ['paper-thickness'] as const;
const PROOF_FLAGS = ['against'] as const;

/** The options of `huibian build`, as `parseArgs` takes them. */
const OPTIONS = {
  format: {type: 'string', short: 'f', default: 'pdf'},
  out: {type: 'string', short: 'o'},
  'writing-mode': {type: 'string'},
  to: {type: 'string'},
  select: {type: 'string'},
  title: {type: 'string'},
  sheet: {type: 'string'},
  binding: {type: 'string'},
  signature: {type: 'string'},
  duplex: {type: 'string'},
  creep: {type: 'string'},
  calibration: {type: 'boolean'},
  press: {type: 'boolean'},
  pdfa: {type: 'boolean'},
  bleed: {type: 'string'},
  marks: {type: 'boolean'},
  pdfx: {type: 'string'},
  each: {type: 'boolean'},
  'paper-thickness': {type: 'string'},
  against: {type: 'string'},
  'allow-missing-images': {type: 'boolean'},
  'mask-personal': {type: 'boolean'},
  jobs: {type: 'string', short: 'j'},
  'cache-dir': {type: 'string'},
} as const;

/** The command line as read. */
type Values = ReturnType<typeof parseCommandLine<typeof OPTIONS>>['values'];

/** Parse `build [BOOK_DIR] --format … [options]` (see `huibian --help`); a wrong option is a {@link UsageError}. */
export function parseBuildOptions(argv: string[], cwd = process.cwd()): BuildOptions {
  const {values, positionals} = parseCommandLine(argv, OPTIONS);
  if (positionals.length > 1) throw new UsageError(`只能给一个书的文件夹，却给了 ${positionals.length} 个：${positionals.join(' ')}`);
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`未知的格式 \`${values.format}\`：可用 ${FORMATS.join('、')}`);
  const bookDir = path.resolve(cwd, positionals[0] ?? '.');
  const options = commonOptions(values, format, bookDir, cwd);
  refuseOthers(values, format);
  if (format === 'booklet') options.booklet = bookletChoice(values);
  if (format === 'offprint') {
    const select = values.select?.trim();
    if (!select) throw new UsageError('--format offprint 需要 --select：稿件文件名、文章标题或部分名');
    const each = values.each ?? false;
    if (!values.out) options.out = path.join(bookDir, 'build', each ? 'offprints' : `offprint-${fileSafe(select)}.pdf`);
    options.offprint = {select, each};
  }
  if (format === 'cover') options.cover = coverChoice(values);
  if (format === 'proof') options.proof = values.against ? {against: path.resolve(cwd, values.against)} : {};
  if (values.press) {
    const pdfx = pdfxOf(values.pdfx);
    options.press = {bleed: millimetres(values.bleed, 'bleed') ?? 3, marks: values.marks ?? false, ...(pdfx ? {pdfx} : {})};
  }
  return options;
}

/** What every format takes: the book, the output, the writing mode and language, images, jobs and cache. */
function commonOptions(values: Values, format: Format, bookDir: string, cwd: string): BuildOptions {
  const writingMode = oneOf(values['writing-mode'], WRITING_MODES, '排法', 'horizontal（横排）、vertical（竖排）');
  const language = values.to;
  if (language !== undefined && !/^zh(-[A-Za-z]{2,4})*$/.test(language)) {
    throw new UsageError(`未知的语言 \`${language}\`：可用 zh-Hans（简体）、zh-Hant、zh-TW、zh-HK（繁体）`);
  }
  const options: BuildOptions = {
    bookDir,
    format,
    out: values.out ? path.resolve(cwd, values.out) : path.join(bookDir, 'build', DEFAULT_OUT[format]),
    ...(writingMode ? {writingMode} : {}),
    ...(language ? {language} : {}),
    ...(values['allow-missing-images'] ? {allowMissingImages: true} : {}),
    ...(values['mask-personal'] ? {maskPersonal: true} : {}),
    ...(values.pdfa ? {pdfa: true} : {}),
    ...(values['cache-dir'] ? {cacheDir: path.resolve(cwd, values['cache-dir'])} : {}),
  };
  if (values.jobs !== undefined) {
    const jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs 应为 1 到 64 之间的整数，不是 \`${values.jobs}\``);
    options.jobs = jobs;
  }
  return options;
}

/** A flag of another format is a mistake worth saying: it would be ignored. */
function refuseOthers(values: Values, format: Format): void {
  const given = (flags: readonly string[]) => flags.filter((flag) => (values as Record<string, unknown>)[flag] !== undefined);
  // --select serves booklets and offprints; --bleed and --pdfx the press PDF and the cover.
  const shared = (flags: readonly string[], also: string[]) => given(flags).filter((flag) => !also.includes(flag));
  const bookletOnly = shared(BOOKLET_FLAGS, format === 'offprint' ? ['select'] : []);
  if (format !== 'booklet' && bookletOnly.length > 0) throw new UsageError(`--${bookletOnly[0]} 只用于 --format booklet`);
  const pressOnly = shared(PRESS_FLAGS, format === 'cover' ? ['bleed', 'pdfx'] : []);
  if ((format !== 'pdf' || !values.press) && pressOnly.length > 0) throw new UsageError(`--${pressOnly[0]} 只用于 --format pdf --press`);
  if (format !== 'offprint' && given(OFFPRINT_FLAGS).length > 0) throw new UsageError(`--${given(OFFPRINT_FLAGS)[0]} 只用于 --format offprint`);
  if (format !== 'cover' && given(COVER_FLAGS).length > 0) throw new UsageError(`--${given(COVER_FLAGS)[0]} 只用于 --format cover`);
  if (format !== 'proof' && given(PROOF_FLAGS).length > 0) throw new UsageError(`--${given(PROOF_FLAGS)[0]} 只用于 --format proof`);
  if (values.press && format !== 'pdf') throw new UsageError('--press 只用于 --format pdf');
  if (values.pdfa && format !== 'pdf') throw new UsageError('--pdfa 只用于 --format pdf');
  if (values.pdfa && values.press) throw new UsageError('--pdfa 与 --press 不能同时用：存档用 PDF/A，印厂用 --press（及 --pdfx）');
}

function bookletChoice(values: Values): NonNullable<BuildOptions['booklet']> {
  const signature = values.signature === undefined ? undefined : Number(values.signature);
  if (signature !== undefined && (!Number.isInteger(signature) || signature < 4 || signature % 4 !== 0)) {
    throw new UsageError(`--signature 应为 4 的倍数（如 8、16），不是 \`${values.signature}\``);
  }
  const sheet = oneOf(values.sheet, Object.keys(SHEETS) as SheetName[], '纸张', Object.keys(SHEETS).join('、'));
  const binding = oneOf(values.binding, ['left', 'right'], '装订边', 'left（左翻）、right（右翻）');
  return {
    select: (values.select ?? '')
      .split(/[,，]/)
      .map((s) => s.trim())
      .filter(Boolean),
    duplex: oneOf(values.duplex, ['short', 'long'], '双面翻转方式', 'short（短边）、long（长边）') ?? 'short',
    creep: millimetres(values.creep, 'creep') ?? 0,
    calibration: values.calibration ?? false,
    ...(values.title ? {title: values.title} : {}),
    ...(sheet ? {sheet} : {}),
    ...(binding ? {binding} : {}),
    ...(signature ? {signature} : {}),
  };
}

function coverChoice(values: Values): NonNullable<BuildOptions['cover']> {
  const pdfx = pdfxOf(values.pdfx);
  const paperThickness = values['paper-thickness'] === undefined ? 0.1 : Number(values['paper-thickness'].replace(/mm$/, ''));
  if (!Number.isFinite(paperThickness) || paperThickness < 0.03 || paperThickness > 1) {
    throw new UsageError(`--paper-thickness 应为每张纸的厚度，0.03 到 1 毫米（70 克胶版纸约 0.09），不是 \`${values['paper-thickness']}\``);
  }
  return {paperThickness, bleed: millimetres(values.bleed, 'bleed') ?? 3, ...(pdfx ? {pdfx} : {})};
}

const pdfxOf = (value: string | undefined) => oneOf(value, ['gray', 'cmyk'], 'PDF/X 颜色', 'gray（灰度）、cmyk');

/** Where each format goes unless `--out` says otherwise, inside `BOOK_DIR/build/`. */
const DEFAULT_OUT: Record<Format, string> = {
  pdf: 'book.pdf',
  epub: 'book.epub',
  docx: 'book.docx',
  html: 'html',
  booklet: 'booklet.pdf',
  offprint: 'offprint.pdf',
  cover: 'cover.pdf',
  proof: 'proof.pdf',
};

function millimetres(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/mm$/, ''));
  if (!Number.isFinite(n) || n < 0 || n > 20) throw new UsageError(`--${flag} 应为 0 到 20 之间的毫米数，不是 \`${value}\``);
  return n;
}

/** A selector as part of a file name: path separators and characters Windows refuses become `-`. */
function fileSafe(text: string): string {
  return text
    .replace(/\.md$/i, '')
    .replace(/[\\/:*?"<>|\s]+/g, '-')
    .slice(0, 60);
}
