import {rm} from 'node:fs/promises';
import type {VFile} from 'vfile';
import {compileBook} from './book/compile.js';
import {toTraditional} from './book/traditional.js';
import {articlesOf, type Book} from './book/model.js';
import type {Progress} from './cli/progress.js';
import type {BuildOptions} from './cli/build/options.js';
import {loadConfig} from './config/load.js';
import {writeAtomic} from './files/write-atomic.js';
import {BODY_FAMILY, fontSheet, scriptOf} from './render/fonts.js';
import {unicodeRanges, warnUncovered} from './render/font-coverage.js';
import {writeHtmlSite} from './render/html/write-site.js';
import {renderEpub} from './render/epub/write-epub.js';
import {buildDate, finishPdf} from './render/pdf/finish.js';
import {renderNativePdf} from './render/pdf/native-render.js';
import {renderPagedPdf} from './render/pdf/paged-render.js';

/** What a build produced. */
export interface BuildResult {
  out: string;
  /** Files with the (non-fatal) messages to show. */
  files: VFile[];
  pageCount?: number;
}

/**
 * Build one book folder into one format: load `book.yaml`, compile the manuscripts into the
 * book model, render. Input errors throw {@link InputError} before anything is written.
 */
export async function buildBook(
  options: BuildOptions,
  {progress, signal}: {progress?: Progress; signal?: AbortSignal} = {},
): Promise<BuildResult> {
  progress?.step('parse');
  const loaded = await loadConfig(options.bookDir);
  if (options.writingMode) loaded.config.writingMode = options.writingMode;
  if (options.language) loaded.config.language = options.language;
  const {book, files} = await compileBook(loaded, (done, total) => {
    progress?.detail(`${done}/${total} 篇`);
    if (done === total) progress?.step('compile');
  });
  progress?.detail(`${book.parts.length} 个部分`);
  if (scriptOf(book.meta.language) === 'tc') toTraditional(book);
  warnUncovered(book, files, unicodeRanges((await fontSheet(scriptOf(book.meta.language))).css, BODY_FAMILY));
  signal?.throwIfAborted();

  if (options.format === 'html') {
    progress?.step('write');
    await rm(options.out, {recursive: true, force: true});
    await writeHtmlSite(book, options.out);
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
    });
    await writeAtomic(options.out, epub);
    return {out: options.out, files};
  }

  // Paged.js cannot paginate vertical-rl (text runs off the page); Chromium's own print can.
  const render = book.meta.writingMode === 'vertical' ? renderNativePdf : renderPagedPdf;
  const rendered = await render(book, {
    signal,
    progress: {
      step: (name) => progress?.step(name),
      page: (count) => progress?.detail(`${count} 页`, count),
    },
  });
  const {layout} = rendered;
  progress?.detail(`${layout.pageCount} 页`);
  progress?.step('write');
  const pdf = await finishPdf(rendered.pdf, book, layout);
  await writeAtomic(options.out, pdf);
  return {out: options.out, files, pageCount: layout.pageCount};
}

/**
 * The date of this edition: `SOURCE_DATE_EPOCH` when set, else the newest manuscript date, so
 * that building the same manuscripts twice gives the same files.
 */
export function editionDate(book: Book, env: NodeJS.ProcessEnv = process.env): Date {
  if (env.SOURCE_DATE_EPOCH) return buildDate(env);
  const newest = articlesOf(book).map((a) => a.date).filter((d): d is string => Boolean(d)).sort().at(-1);
  return newest ? new Date(`${newest}T00:00:00Z`) : new Date(`${book.meta.year ?? '2000'}-01-01T00:00:00Z`);
}
