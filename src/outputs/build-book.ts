/**
 * `huibian build`: one book folder into one output. Each format is an output of its own in
 * this folder; this file reads the book once and hands it to the one asked for.
 */
import {type LoadedBook, loadBook} from '../core/load-book.js';
import type {BuildContext, BuildOptions, BuildProgress, BuildResult, Format} from '../core/options.js';
import {withBrowser} from '../core/with-browser.js';
import {buildBooklet} from './booklet.js';
import {buildCover} from './cover.js';
import {buildEpub} from './epub.js';
import {buildHtml} from './html.js';
import {buildOffprints} from './offprint.js';
import {buildPdf} from './pdf.js';

export type {BuildResult} from '../core/options.js';

/** An output: the book read, what was asked, the build's context. */
type Output = (input: LoadedBook, options: BuildOptions, context: BuildContext) => Promise<BuildResult>;

/** Each format's output, and whether it prints in a browser (started while the manuscripts compile). */
const OUTPUTS: Record<Format, {build: Output; browser: boolean}> = {
  pdf: {build: buildPdf, browser: true},
  epub: {build: buildEpub, browser: false},
  html: {build: buildHtml, browser: false},
  booklet: {build: buildBooklet, browser: true},
  offprint: {build: buildOffprints, browser: true},
  cover: {build: buildCover, browser: true},
};

/**
 * Build one book folder into one format: load `book.yaml`, compile the manuscripts into the
 * book model, hand it to the format's output. Input errors throw {@link InputError} before
 * anything is written.
 */
export async function buildBook(options: BuildOptions, {progress, signal}: {progress?: BuildProgress; signal?: AbortSignal} = {}): Promise<BuildResult> {
  const output = OUTPUTS[options.format];
  const run = async (browser?: BuildContext['browser']) => {
    const input = await loadBook(options, progress);
    signal?.throwIfAborted();
    return output.build(input, options, {progress, signal, ...(browser ? {browser} : {})});
  };
  return output.browser ? withBrowser(signal, run) : run();
}
