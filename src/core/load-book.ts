import type {VFile} from 'vfile';
import {compileBook} from '../book/compile.js';
import {checkWrittenScript, setScript} from '../book/script-conversion.js';
import {type LoadedConfig, loadConfig} from '../config/load.js';
import {checkFontCoverage} from '../lint/font-coverage.js';
import {personalDataSummary} from '../typography/personal-data.js';
import {templateReferenceWarnings} from '../lint/template-references.js';
import type {Book} from '../model/book.js';
import {type BuildOptions, type BuildProgress, cacheDirOf} from './options.js';

/** A book folder read as the outputs take it. */
export interface LoadedBook {
  book: Book;
  /** Every file whose messages the user should see (warnings included). */
  files: VFile[];
  loaded: LoadedConfig;
  /** What the build says of the personal data in the copy (found, or masked), if there is any. */
  personalData?: string;
}

/**
 * Read a book folder into the book model as the outputs take it: book.yaml with the command
 * line's choices over it, the manuscripts compiled (converted with `--to` the other script),
 * and the warnings about fonts and templates. Input errors throw {@link InputError}.
 */
export async function loadBook(
  options: Pick<BuildOptions, 'bookDir' | 'writingMode' | 'language' | 'allowMissingImages' | 'maskPersonal' | 'cacheDir'>,
  progress?: BuildProgress,
): Promise<LoadedBook> {
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
    {allowMissingImages: options.allowMissingImages, maskPersonal: options.maskPersonal, cacheDir: cacheDirOf(options, options.bookDir)},
  );
  progress?.detail(`${book.parts.length} 个部分`);
  checkWrittenScript(book, read);
  setScript(book, read.config.language);
  await checkFontCoverage(book, files);
  files.push(...(await templateReferenceWarnings(book.dir, book.styles)));
  const personalData = personalDataSummary(
    files.map((file) => file.data.personalData),
    options.maskPersonal ?? false,
  );
  return {book, files, loaded, ...(personalData ? {personalData} : {})};
}

/** The settings of book.yaml that the command line replaces. */
function overrides({writingMode, language}: Pick<BuildOptions, 'writingMode' | 'language'>): Partial<LoadedConfig['config']> {
  return {...(writingMode ? {writingMode} : {}), ...(language ? {language} : {})};
}
