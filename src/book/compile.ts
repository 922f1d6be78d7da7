import {existsSync} from 'node:fs';
import path from 'node:path';
import type {VFile} from 'vfile';
import type {LoadedConfig} from '../config/load.js';
import {pageSizeMm, textWidthMm} from '../config/schema.js';
import {readTextFile} from '../files/read-text.js';
import {byFileName, collectManuscripts} from '../manuscript/collect.js';
import {processManuscript} from '../markdown/processor.js';
import {error, hasFatal, InputError} from '../report/messages.js';
import {normalizeText} from '../typography/normalize.js';
import {digitsOf} from '../typography/personal-data.js';
import {runningHead} from '../typography/running-head.js';
import {type Article, articlesOf, type Asset, type Book, type BookMeta, type Part} from '../model/book.js';
import {gatherApparatus} from './apparatus.js';
import {compiledManuscripts} from './compiled-manuscripts.js';
import {numberIndexMarks} from './book-index.js';

/** A compiled book and every file whose messages the user should see (warnings included). */
export interface Compiled {
  book: Book;
  files: VFile[];
}

/**
 * Build the book model from a book folder: read and process every manuscript, then order
 * them into parts. All input errors are collected first and thrown together as {@link InputError}.
 */
export async function compileBook(
  loaded: LoadedConfig,
  onFile?: (done: number, total: number) => void,
  {
    lint = false,
    allowMissingImages = false,
    maskPersonal = false,
    cacheDir,
  }: {lint?: boolean; allowMissingImages?: boolean; maskPersonal?: boolean; cacheDir?: string} = {},
): Promise<Compiled> {
  const {config, bookDir} = loaded;
  // Linting reports what a build would change: nothing of it is kept.
  const keeping = compiledManuscripts(lint ? undefined : cacheDir);
  const list = await collectManuscripts(loaded);
  if (hasFatal([loaded.file])) throw new InputError([loaded.file]);
  const kept = await keeping;

  const pageWidth = pageSizeMm(config.pageSize).width;
  const publicNumbers = config.publicNumbers.map((number) => digitsOf(String(number)));
  const processed: Array<{file: VFile; article: Article}> = [];
  const files: VFile[] = [loaded.file];
  // A few manuscripts at a time: one is read or has its images checked while another is parsed.
  const results = await inOrder(
    list.paths,
    async (manuscriptPath, index) => {
      const file = await readTextFile(manuscriptPath);
      file.cwd = bookDir;
      file.path = path.relative(bookDir, manuscriptPath);
      if (hasFatal([file])) return {file};
      file.data.idPrefix = `m${index + 1}`;
      file.data.allowMissingImages = allowMissingImages;
      file.data.maskPersonal = maskPersonal;
      file.data.publicNumbers = publicNumbers;
      return {file, body: await kept.through(file, () => processManuscript(file, {lint}))};
    },
    (done) => onFile?.(done, list.paths.length),
  );
  await kept.finish();
  for (const {file, body} of results) {
    files.push(file);
    const matter = file.data.matter;
    if (!body || !matter || hasFatal([file])) continue;
    processed.push({
      file,
      article: {
        id: '',
        title: matter.title,
        runningHead: matter.shortTitle ?? runningHead(matter.title, textWidthMm(pageWidth)),
        subtitle: matter.subtitle,
        author: matter.author,
        date: matter.date,
        source: matter.source,
        summary: matter.summary,
        tags: matter.tags,
        file: file.path,
        matterLines: Object.fromEntries(Object.entries(file.data.matterLines ?? {}).map(([key, place]) => [key, place.line])),
        body,
        footnotes: file.data.footnotes ?? [],
      },
    });
  }
  if (hasFatal(files)) throw new InputError(files);

  const {front, parts} = arrange(loaded, processed, list.ordered);
  if (hasFatal(files)) throw new InputError(files);

  const book: Book = {
    meta: metaOf(config),
    front,
    parts,
    assets: collectAssets(processed.map((p) => p.file)),
    styles: bookStyles(loaded),
    dir: bookDir,
    apparatus: {front: config.frontMatter, back: config.backMatter, chronology: [], index: [], indexSort: config.indexSort},
  };
  checkApparatus(loaded);
  if (hasFatal([loaded.file])) throw new InputError([loaded.file]);
  numberArticles(book);
  numberIndexMarks(articlesOf(book));
  await gatherApparatus(book);
  return {book, files};
}

/** A generated section goes either before the articles or after them, not both. */
function checkApparatus({config, file, placed}: LoadedConfig): void {
  for (const [i, name] of config.backMatter.entries()) {
    if (config.frontMatter.includes(name)) {
      error(file, `\`${name}\` 同时列在 frontMatter 和 backMatter 里：只能放在一处`, placed.placeOf(['backMatter', i]), 'apparatus');
    }
  }
}

/**
 * The book's own stylesheets in cascade order: `templates/custom.css` when there is one, then
 * those book.yaml lists (a missing one is an error at its place in book.yaml).
 */
function bookStyles(loaded: LoadedConfig): string[] {
  const custom = path.join(loaded.bookDir, 'templates', 'custom.css');
  const styles = existsSync(custom) ? [custom] : [];
  loaded.config.styles.forEach((name, index) => {
    const file = path.resolve(loaded.bookDir, name);
    if (path.relative(loaded.bookDir, file).startsWith('..')) {
      error(loaded.file, `样式文件 ${name} 在书的文件夹之外：请把它放进书的文件夹`, loaded.placed.placeOf(['styles', index]), 'styles');
    } else if (!existsSync(file)) {
      error(loaded.file, `找不到样式文件 ${name}（相对于书的文件夹）`, loaded.placed.placeOf(['styles', index]), 'styles');
    } else if (!styles.includes(file)) styles.push(file);
  });
  return styles;
}

/** The book's metadata from `book.yaml`, printed text normalized as manuscripts are (rule 23). */
function metaOf(config: LoadedConfig['config']): BookMeta {
  const title = normalizeText(config.title);
  const optional = (value: string | undefined) => (value === undefined ? undefined : normalizeText(value));
  return {
    title,
    runningHead: runningHead(title, textWidthMm(pageSizeMm(config.pageSize).width)),
    subtitle: optional(config.subtitle),
    author: optional(config.author),
    publisher: optional(config.publisher),
    year: config.year === undefined ? undefined : String(config.year),
    language: config.language,
    writingMode: config.writingMode,
    pageSize: {name: config.pageSize, ...pageSizeMm(config.pageSize)},
    articleStart: config.articleStart,
    folio: config.folio,
  };
}

/**
 * Group articles into parts. Parts come in `book.yaml` order (else in order of first use);
 * inside a part, articles go by date then file name, unless the user listed the files.
 */
function arrange(
  {config, file: configFile, placed}: LoadedConfig,
  processed: Array<{file: VFile; article: Article}>,
  ordered: boolean,
): {front: Article[]; parts: Part[]} {
  const declared = (config.parts ?? []).map((p) => (typeof p === 'string' ? {title: p} : p));
  const parts: Part[] = declared.map((p, i) => ({id: '', number: i + 1, title: p.title, subtitle: p.subtitle, articles: []}));
  const seen = new Set<string>();
  for (const [i, p] of declared.entries()) {
    if (seen.has(p.title)) error(configFile, `部分 \`${p.title}\` 重复了`, placed.placeOf(['parts', i]), 'parts');
    seen.add(p.title);
  }

  const front: Article[] = [];
  for (const {file, article} of processed) {
    const wanted = file.data.matter?.part;
    if (wanted === undefined) {
      front.push(article);
      continue;
    }
    let part = parts.find((p) => p.title === wanted);
    if (!part && config.parts) {
      error(file, `部分 \`${wanted}\` 不在 book.yaml 的 parts 里：可用的有 ${declared.map((p) => p.title).join('、')}`, file.data.matterLines?.part, 'part');
      continue;
    }
    if (!part) {
      part = {id: '', number: parts.length + 1, title: wanted, articles: []};
      parts.push(part);
    }
    part.articles.push(article);
  }
  if (!ordered) {
    const byDate = (a: Article, b: Article) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || byFileName(a.file, b.file);
    front.sort(byDate);
    for (const part of parts) part.articles.sort(byDate);
  }
  for (const [i, part] of parts.entries()) {
    if (part.articles.length === 0) {
      configFile.message(`部分 \`${part.title}\` 没有稿件，已略去`, {place: placed.placeOf(['parts', i]), ruleId: 'empty-part', source: 'huibian'});
    }
  }
  const kept = parts.filter((p) => p.articles.length > 0);
  for (const part of kept) part.title = normalizeText(part.title);
  return {front, parts: kept};
}

/** How many manuscripts are read and processed at once. */
const AT_ONCE = 8;

/**
 * `work` on every item, {@link AT_ONCE} at a time, the results in the order of `items`;
 * `onDone` hears how many of the first items are done, in order. On a failure no more work is
 * started, and the failure of the first item that failed is thrown once the running work is over.
 */
async function inOrder<T, R>(items: T[], work: (item: T, index: number) => Promise<R>, onDone: (done: number) => void): Promise<R[]> {
  const results: R[] = [];
  const finished: boolean[] = [];
  const failures = new Map<number, unknown>();
  let next = 0;
  let reported = 0;
  const worker = async () => {
    while (next < items.length && failures.size === 0) {
      const index = next++;
      try {
        results[index] = await work(items[index]!, index);
      } catch (cause) {
        failures.set(index, cause);
        return;
      }
      finished[index] = true;
      while (finished[reported]) onDone(++reported);
    }
  };
  await Promise.all(Array.from({length: Math.min(AT_ONCE, items.length)}, worker));
  if (failures.size > 0) throw failures.get(Math.min(...failures.keys()));
  return results;
}

function numberArticles(book: Book): void {
  let n = 0;
  for (const article of book.front) article.id = `a${++n}`;
  for (const [i, part] of book.parts.entries()) {
    part.id = `p${i + 1}`;
    part.number = i + 1;
    for (const article of part.articles) article.id = `a${++n}`;
  }
}

function collectAssets(files: VFile[]): Asset[] {
  const byUrl = new Map<string, Asset>();
  for (const file of files) for (const asset of file.data.assets ?? []) byUrl.set(asset.url, asset);
  return [...byUrl.values()];
}
