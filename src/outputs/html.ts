/** `--format html`: the book as a static folder of HTML. */
import type {BuildContext, BuildOptions, BuildResult} from '../core/options.js';
import type {LoadedBook} from '../core/load-book.js';
import {replaceFolder} from '../files/write-atomic.js';
import {writeHtmlSite} from '../render/html/write-site.js';

/** Write the site into a fresh folder that takes the old one's place whole. */
export async function buildHtml({book, files}: LoadedBook, options: BuildOptions, {progress, signal}: BuildContext): Promise<BuildResult> {
  progress?.step('write');
  await replaceFolder(options.out, (folder) => writeHtmlSite(book, folder), {signal});
  return {out: options.out, files};
}
