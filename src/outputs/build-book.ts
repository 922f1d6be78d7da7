/**
 * `huibian build`: one book folder into one output. Each format is an output of its own in
 * this folder; this file reads the book once and hands it to the one asked for.
 */
import {type LoadedBook, loadBook} from '../core/load-book.js';
import type {BuildContext, BuildOptions, BuildProgress, BuildResult, Format} from '../core/options.js';

export type {BuildResult} from '../core/options.js';

/** An output: the book read, what was asked, the build's context. */
type Output = (input: LoadedBook, options: BuildOptions, context: BuildContext) => Promise<BuildResult>;

/**
 * Each format's output, loaded when asked for (an EPUB build loads no PDF library and no
 * browser driver: a fifth of its time), and whether it prints in a browser (started while the
 * manuscripts compile).
 */
const OUTPUTS: Record<Format, {load: () => Promise<Output>; browser: boolean}> = {
  pdf: {load: async () => (await import('./pdf.js')).buildPdf, browser: true},
  epub: {load: async () => (await import('./epub.js')).buildEpub, browser: false},
  docx: {load: async () => (await import('./docx.js')).buildDocx, browser: false},
  html: {load: async () => (await import('./html.js')).buildHtml, browser: false},
  booklet: {load: async () => (await import('./booklet.js')).buildBooklet, browser: true},
  offprint: {load: async () => (await import('./offprint.js')).buildOffprints, browser: true},
  cover: {load: async () => (await import('./cover.js')).buildCover, browser: true},
  proof: {load: async () => (await import('./proof.js')).buildProof, browser: true},
};

/**
 * Build one book folder into one format: load `book.yaml`, compile the manuscripts into the
 * book model, hand it to the format's output. Input errors throw {@link InputError} before
 * anything is written.
 */
export async function buildBook(options: BuildOptions, {progress, signal}: {progress?: BuildProgress; signal?: AbortSignal} = {}): Promise<BuildResult> {
  const output = OUTPUTS[options.format];
  // Loaded while the manuscripts compile.
  const build = output.load();
  build.catch(() => undefined);
  const run = async (browser?: BuildContext['browser']) => {
    const input = await loadBook(options, progress);
    signal?.throwIfAborted();
    const result = await (await build)(input, options, {progress, signal, ...(browser ? {browser} : {})});
    return input.personalData ? {...result, report: [...(result.report ?? []), input.personalData]} : result;
  };
  if (!output.browser) return run();
  const {withBrowser} = await import('../core/with-browser.js');
  return withBrowser(signal, run);
}
