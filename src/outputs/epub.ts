/** `--format epub`: the book as an EPUB 3 to hand around. */
import type {BuildContext, BuildOptions, BuildResult} from '../core/options.js';
import type {LoadedBook} from '../core/load-book.js';
import {writeAtomic} from '../files/write-atomic.js';
import {articlesOf, type Book} from '../model/book.js';
import {renderEpub} from '../render/epub/write-epub.js';
import {buildDate} from '../render/shared/build-date.js';

/** Render the EPUB (with font subsets when book.yaml asks) and write it. */
export async function buildEpub({book, files, loaded}: LoadedBook, options: BuildOptions, {progress, signal}: BuildContext): Promise<BuildResult> {
  progress?.step('write');
  const epub = await renderEpub(book, {
    identifier: loaded.config.epub.identifier,
    modified: editionDate(book),
    embedFonts: loaded.config.epub.embedFonts,
    onFonts: (bytes, count) => progress?.detail(`嵌入字体 ${count} 个文件，${(bytes / 1024).toFixed(0)} KB`),
    signal,
  });
  await writeAtomic(options.out, epub, {signal});
  return {out: options.out, files};
}

/**
 * The date of this edition: `SOURCE_DATE_EPOCH` when set, else the newest manuscript date, so
 * that building the same manuscripts twice gives the same files.
 */
export function editionDate(book: Book, env: NodeJS.ProcessEnv = process.env): Date {
  if (env.SOURCE_DATE_EPOCH) return buildDate(env);
  const newest = articlesOf(book)
    .map((a) => a.date)
    .filter((d): d is string => Boolean(d))
    .sort()
    .at(-1);
  return newest ? new Date(`${newest}T00:00:00Z`) : new Date(`${book.meta.year ?? '2000'}-01-01T00:00:00Z`);
}
