import {PDFDocument} from 'pdf-lib';
import {VFile} from 'vfile';
import {compileBook} from './book/compile.js';
import {articlesOf, type Book} from './model/book.js';
import {selectArticles} from './book/select.js';
import {checkWrittenScript, setScript} from './book/script-conversion.js';
import type {BuildOptions, BuildProgress, BuildResult} from './build-options.js';
import {buildOffprints} from './build-offprint.js';
import {buildCover} from './build-cover.js';
import {type BuildContext, printBook} from './print-book.js';
import {type LoadedConfig, loadConfig} from './config/load.js';
import {readTemplate, templatePath} from './files/templates.js';
import {replaceFolder, writeAtomic} from './files/write-atomic.js';
import {imposeBooklet, sheetFor} from './impose/booklet.js';
import {calibrationPdf} from './render/pdf/calibration.js';
import {toPdfx} from './impose/pdfx.js';
import {pressPdf} from './impose/press.js';
import {checkImages} from './lint/image-resolution.js';
import {templateReferenceWarnings} from './lint/template-references.js';
import {transparencyWarnings} from './lint/transparency.js';
import {renderEpub} from './render/epub/write-epub.js';
import {checkFontCoverage} from './lint/font-coverage.js';
import {writeHtmlSite} from './render/html/write-site.js';
import {launchBrowser} from './render/pdf/browser.js';
import {buildDate} from './render/pdf/finish.js';
import {compareHan, pdfText} from './render/pdf/text-check.js';
import {stopIfCancelled} from './report/cancel.js';
import {EnvironmentError, hasFatal, InputError, UsageError} from './report/messages.js';

export type {BuildResult} from './build-options.js';

/**
 * Build one book folder into one format: load `book.yaml`, compile the manuscripts into the
 * book model, render. Input errors throw {@link InputError} before anything is written.
 */
export async function buildBook(options: BuildOptions, {progress, signal}: {progress?: BuildProgress; signal?: AbortSignal} = {}): Promise<BuildResult> {
  // The browser starts while the manuscripts compile; a failure to start is told where it is used.
  const browser = ['pdf', 'booklet', 'offprint', 'cover'].includes(options.format) ? launchBrowser(signal) : undefined;
  browser?.catch(() => undefined);
  try {
    return await buildWith(options, {progress, signal, browser});
  } finally {
    // Closed here if the build never used it (an input error, a calibration sheet); closing twice is harmless.
    await browser?.then(
      (session) => session.close(),
      () => undefined,
    );
  }
}

async function buildWith(options: BuildOptions, context: BuildContext): Promise<BuildResult> {
  const {progress, signal} = context;
  const {book, files, loaded} = await loadBook(options, progress);
  signal?.throwIfAborted();

  if (options.format === 'html') {
    progress?.step('write');
    await replaceFolder(options.out, (folder) => writeHtmlSite(book, folder), {signal});
    return {out: options.out, files};
  }

  if (options.format === 'epub') {
    progress?.step('write');
    const modified = editionDate(book);
    const epub = await renderEpub(book, {
      identifier: loaded.config.epub.identifier,
      modified,
      embedFonts: loaded.config.epub.embedFonts,
      onFonts: (bytes, count) => progress?.detail(`嵌入字体 ${count} 个文件，${(bytes / 1024).toFixed(0)} KB`),
      signal,
    });
    await writeAtomic(options.out, epub, {signal});
    return {out: options.out, files};
  }

  if (options.format === 'booklet') return buildBooklet(book, files, options, context);
  if (options.format === 'offprint') return buildOffprints(book, files, options, context);
  if (options.format === 'cover') return buildCover(book, files, options, context);

  if (options.press) files.push(...(await preflight(book, files)));
  let {pdf, pageCount, lines, notes, refused} = await printBook(book, options, context);
  if (refused.length > 0) files.push(refusedFile(book, refused));
  if (options.press) {
    const screen = pdf;
    pdf = await pressPdf(pdf, options.press);
    await stopIfCancelled(signal);
    if (options.press.pdfx) pdf = await toPdfx(pdf, options.press.pdfx, signal);
    await expectSameText(screen, pdf, '印厂 PDF');
  }
  await writeAtomic(options.out, pdf, {signal});
  return {out: options.out, files, pageCount, lines, notes};
}

/**
 * Read a book folder into the book model as the outputs take it: book.yaml with the command
 * line's choices over it, the manuscripts compiled (Traditional when asked), and the warnings
 * about fonts and templates. Input errors throw {@link InputError}.
 */
export async function loadBook(
  options: Pick<BuildOptions, 'bookDir' | 'writingMode' | 'language' | 'allowMissingImages'>,
  progress?: BuildProgress,
): Promise<{book: Book; files: VFile[]; loaded: LoadedConfig}> {
  progress?.step('parse');
  const read = await loadConfig(options.bookDir);
  // The command line's choices over book.yaml's, in a copy: the validated config stays as read.
  const loaded = {...read, config: {...read.config, ...overrides(options)}};
  const {book, files} = await compileBook(
    loaded,
    (done, total) => {
      progress?.detail(`${done}/${total} 篇`);
      if (done === total) progress?.step('compile');
    },
    {allowMissingImages: options.allowMissingImages},
  );
  progress?.detail(`${book.parts.length} 个部分`);
  checkWrittenScript(book, read);
  setScript(book, read.config.language);
  await checkFontCoverage(book, files);
  files.push(...(await templateReferenceWarnings(book.dir, book.styles)));
  return {book, files, loaded};
}

/**
 * A booklet for the office printer: the selected articles as a small book of their own (own
 * cover, contents and page numbers), or the calibration sheet, imposed for saddle stitching.
 */
async function buildBooklet(whole: Book, files: VFile[], options: BuildOptions, context: BuildContext): Promise<BuildResult> {
  const choice = options.booklet!;
  const {book, unmatched} = selectArticles(whole, choice.select, choice.title);
  if (unmatched.length > 0) {
    const tags = [...new Set(articlesOf(whole).flatMap((a) => a.tags))];
    throw new UsageError(
      `--select 中的 ${unmatched.map((u) => `\`${u}\``).join('、')} 没有对上任何稿件：可用部分名（${whole.parts.map((p) => p.title).join('、')}）、标签（${tags.slice(0, 12).join('、')}）或文件名`,
    );
  }
  files.push(...(await preflight(book, files)));
  const {width, height} = book.meta.pageSize;
  const sheet = choice.sheet ?? sheetFor(width, height);
  if (!sheet) throw new UsageError(`${width}×${height} mm 的页面，两页并排放不进 A4 或 A3：请换小一些的 pageSize`);
  const pdf = choice.calibration ? await calibrationPdf(book, {signal: context.signal}) : (await printBook(book, options, context)).pdf;
  context.progress?.step('write');
  const binding = choice.binding ?? (book.meta.writingMode === 'vertical' ? 'right' : 'left');
  const imposed = await imposeBooklet(pdf, {
    binding,
    sheet,
    duplex: choice.duplex,
    creep: choice.creep,
    ...(choice.signature ? {signature: choice.signature} : {}),
  });
  await stopIfCancelled(context.signal);
  if (!choice.calibration) await expectSameText(pdf, imposed, '小册子');
  await writeAtomic(options.out, imposed, {signal: context.signal});
  return {out: options.out, files, pageCount: (await PDFDocument.load(imposed)).getPageCount()};
}

/**
 * Checks before printing for paper (docs/print.md): image resolution at printed size, and
 * transparency in the templates. Returns the template files that have something to say.
 */
async function preflight(book: Book, files: VFile[]): Promise<VFile[]> {
  await checkImages(book, files);
  const templates: VFile[] = [];
  for (const name of ['print.css', `pages-${book.meta.writingMode}.css`]) {
    const file = transparencyWarnings(await readTemplate(book.dir, name), templatePath(book.dir, name));
    if (file.messages.length > 0) templates.push(file);
  }
  if (hasFatal(files)) throw new InputError(files);
  return templates;
}

/**
 * The date of this edition: `SOURCE_DATE_EPOCH` when set, else the newest manuscript date, so
 * that building the same manuscripts twice gives the same files.
 */
function editionDate(book: Book, env: NodeJS.ProcessEnv = process.env): Date {
  if (env.SOURCE_DATE_EPOCH) return buildDate(env);
  const newest = articlesOf(book)
    .map((a) => a.date)
    .filter((d): d is string => Boolean(d))
    .sort()
    .at(-1);
  return newest ? new Date(`${newest}T00:00:00Z`) : new Date(`${book.meta.year ?? '2000'}-01-01T00:00:00Z`);
}

/** The settings of book.yaml that the command line replaces. */
function overrides({writingMode, language}: Pick<BuildOptions, 'writingMode' | 'language'>): Partial<LoadedConfig['config']> {
  return {...(writingMode ? {writingMode} : {}), ...(language ? {language} : {})};
}

/**
 * What the print page asked for outside the book's files (most often a `url()` or `@import` in
 * the book's own templates), as warnings: the browser is fenced, so it printed without them.
 */
function refusedFile(book: Book, refused: string[]): VFile {
  const file = new VFile({path: 'templates', cwd: book.dir});
  for (const url of [...new Set(refused)].slice(0, 10)) {
    file.message(`排版时页面要读取 \`${url.slice(0, 100)}\`，已拒绝：只能使用书的文件夹里的文件（请检查模板中的 url() 和 @import）`, {
      ruleId: 'fenced',
      source: 'huibian',
    });
  }
  return file;
}

/**
 * A PDF made from the book's PDF (the booklet's imposed sheets, the press PDF) must draw the
 * same Han characters: imposition or Ghostscript losing a page's text stops the build here.
 */
async function expectSameText(source: Uint8Array, made: Uint8Array, what: string): Promise<void> {
  const problem = compareHan(await pdfText(source), await pdfText(made));
  if (problem) throw new EnvironmentError(`${what}与书的 PDF 不符：${problem}，未写出文件。请报告此问题`);
}
