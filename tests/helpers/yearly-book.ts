/**
 * The bench's book: a synthetic yearly report made of the sample's manuscripts, repeated with
 * numbered titles until it has the asked number of articles. Copies differ a little in length
 * (a paragraph or two dropped, one repeated), so that no two articles lay out alike, yet the
 * book is the same on every run: article i is always made the same way.
 */
import {cp, mkdir, readdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {articlesOf} from '../../src/model/book.js';
import {compileBook} from '../../src/book/compile.js';
import {loadConfig} from '../../src/config/load.js';
import {huibianRoot} from '../../src/files/package-dir.js';

/** Write a book folder of `articles` articles into `dir` (created): book.yaml, images and manuscripts. */
export async function makeYearlyBook(dir: string, articles: number): Promise<void> {
  const sample = huibianRoot();
  const manuscripts = path.join(dir, 'manuscripts');
  await mkdir(manuscripts, {recursive: true});
  await cp(path.join(sample, 'book.yaml'), path.join(dir, 'book.yaml'));
  await cp(path.join(sample, 'manuscripts', 'images'), path.join(manuscripts, 'images'), {recursive: true});
  const names = (await readdir(path.join(sample, 'manuscripts'))).filter((n) => n.endsWith('.md')).sort();
  const texts = await Promise.all(names.map((name) => readFile(path.join(sample, 'manuscripts', name), 'utf8')));
  for (let i = 0; i < articles; i++) {
    const copy = Math.floor(i / names.length) + 1;
    const source = i % names.length;
    // Zero-padded so that the folder lists in book order too (huibian sorts numbers naturally anyway).
    const name = `${String(copy).padStart(3, '0')}-${names[source]}`;
    await writeFile(path.join(manuscripts, name), numbered(varied(texts[source]!, i), copy));
  }
}

/** The title gets the copy's number, “（3）”, so that the TOC and running heads tell copies apart. */
function numbered(text: string, copy: number): string {
  return text.replace(/^title: (.+)$/m, `title: $1（${copy}）`);
}

/**
 * Article `index` in one of four lengths: as written, its last prose paragraph dropped, its
 * last two dropped, or its middle prose paragraph printed twice. 17 sources and 4 variants
 * have no common factor, so every copy of the sample takes a different mix.
 */
function varied(text: string, index: number): string {
  const {head, blocks} = split(text);
  const prose = blocks.flatMap((block, i) => (isProse(block) ? [i] : []));
  // Articles too short to lose anything stay whole (the preface has four paragraphs).
  if (prose.length < 4) return text;
  const variant = index % 4;
  if (variant === 1 || variant === 2) {
    const dropped = new Set(prose.slice(-variant));
    return join(
      head,
      blocks.filter((_, i) => !dropped.has(i)),
    );
  }
  if (variant === 3) {
    const middle = prose[Math.floor(prose.length / 2)]!;
    return join(head, [...blocks.slice(0, middle + 1), blocks[middle]!, ...blocks.slice(middle + 1)]);
  }
  return text;
}

/**
 * A paragraph of plain prose on one line: no heading, table, picture, list, quotation,
 * directive or note (dropping or repeating one of those could break a reference).
 */
function isProse(block: string): boolean {
  return !block.includes('\n') && /^[\p{Script=Han}“（《]/u.test(block) && !block.includes('[^');
}

/** Front matter (with its closing `---` line) and the body's blocks, split at blank lines. */
function split(text: string): {head: string; blocks: string[]} {
  const end = text.indexOf('\n---\n', 4) + '\n---\n'.length;
  const body = text.slice(end).trim();
  return {head: text.slice(0, end), blocks: body.split(/\n{2,}/)};
}

function join(head: string, blocks: string[]): string {
  return `${head}\n${blocks.join('\n\n')}\n`;
}

/**
 * The edit of the incremental build: a paragraph of about 200 Han characters, added after the
 * last prose paragraph of one article (before its notes), long enough to move the lines and
 * likely the pages after it.
 */
const ADDED_PARAGRAPH =
  '年底前，镇里又组织各村（社区）对照年初定下的目标逐项回头看，把群众在走访中反映的问题重新梳理了一遍。' +
  '对已经办结的事项，工作人员逐户打电话回访，听取群众的意见和建议；对因资金、用地等原因一时还办不了的，' +
  '当面向群众说明情况，讲清楚下一步的打算，并列入明年的工作计划。镇党委负责同志说，工作做得好不好，' +
  '最终要看群众满意不满意，下一步还要在细节上多下功夫，把每一件小事都办实办好，让大家的日子越过越红火。';

/** `text` with {@link ADDED_PARAGRAPH} after its last prose paragraph. */
export function withAddedParagraph(text: string): string {
  const {head, blocks} = split(text);
  const last = blocks.findLastIndex(isProse);
  return join(head, [...blocks.slice(0, last + 1), ADDED_PARAGRAPH, ...blocks.slice(last + 1)]);
}

/** The manuscript of the article in the middle of the book's reading order (absolute path). */
export async function middleArticle(dir: string): Promise<string> {
  const {book} = await compileBook(await loadConfig(dir));
  const articles = articlesOf(book);
  return path.join(dir, articles[Math.floor(articles.length / 2)]!.file);
}
