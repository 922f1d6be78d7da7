import {createHash} from 'node:crypto';
import {existsSync} from 'node:fs';
import {mkdir, readFile, stat} from 'node:fs/promises';
import path from 'node:path';
import {writeAtomic} from '../files/write-atomic.js';
import {IMAGE_TYPES} from '../files/media-types.js';
import {svgForEpub} from '../svg/for-epub.js';
import {embedBeside} from '../svg/references.js';
import {UsageError} from '../report/messages.js';
import {decodeText} from './decode-text.js';
import {docxArticle, type EmbeddedImage} from './docx-article.js';
import {type ArticleDraft, draftToMarkdown} from './draft.js';
import {htmlArticle} from './html-article.js';
import {textArticle} from './text-article.js';

/** The kinds of file `huibian import` reads. */
export const IMPORTABLE = ['.txt', '.text', '.html', '.htm', '.docx'];

export interface ImportOptions {
  /** The manuscripts folder to write into. */
  to: string;
  part?: string;
  force?: boolean;
}

/** One file imported: where the manuscript went and what was guessed, for the one-line report. */
export interface Imported {
  from: string;
  out: string;
  draft: ArticleDraft;
  encoding?: string;
  images: number;
  /** Pictures the page showed from the web: not fetched (a build reads nothing off the machine). */
  remoteImages: string[];
  /** SVG pictures rewritten to what EPUB allows, and what was changed in them (`enable-background` → 17). */
  svg: {files: number; changes: Map<string, number>};
  warnings: string[];
}

/** A file extension for each image type (the first of IMAGE_TYPES that has it: .jpg, not .jpeg). */
const EXTENSIONS = new Map(
  Object.entries(IMAGE_TYPES)
    .reverse()
    .map(([extension, type]) => [type, extension]),
);

/**
 * Import one file as a manuscript in `to`: the article read out of it, its pictures saved in
 * `to/images/NAME/`, the manuscript written atomically. An existing manuscript is kept
 * unless `force`.
 */
export async function importFile(from: string, options: ImportOptions): Promise<Imported> {
  const extension = path.extname(from).toLowerCase();
  if (!IMPORTABLE.includes(extension)) throw new UsageError(`${from}：不能导入 ${extension || '无扩展名'} 文件，可导入 ${IMPORTABLE.join(' ')}`);
  const stem = path.basename(from, path.extname(from)).replace(/\s+/g, '-');
  const out = path.join(options.to, `${stem}.md`);
  if (existsSync(out) && !options.force) throw new UsageError(`${out} 已存在，未覆盖：要用新导入的替换它，请加 --force`);
  const imageDir = path.join(options.to, 'images', stem);
  const saved = new Map<string, string>();
  const result: Imported = {
    from,
    out,
    draft: {title: stem, blocks: [], dropped: []},
    images: 0,
    remoteImages: [],
    svg: {files: 0, changes: new Map()},
    warnings: [],
  };
  /** Save a picture once (by content), returning its path relative to the manuscript; an SVG as EPUB allows it, what changed counted. */
  const keep = async (image: EmbeddedImage, file?: string): Promise<string> => {
    const hash = createHash('sha256').update(image.bytes).digest('hex').slice(0, 12);
    if (!saved.has(hash)) {
      await mkdir(imageDir, {recursive: true});
      const name = `${saved.size + 1}-${hash}${EXTENSIONS.get(image.contentType) ?? '.bin'}`;
      const fit = image.contentType === 'image/svg+xml' ? svgForEpub(image.bytes, file ? embedBeside(file) : undefined) : undefined;
      if (fit && fit.changes.size > 0) {
        result.svg.files++;
        for (const [kind, n] of fit.changes) result.svg.changes.set(kind, (result.svg.changes.get(kind) ?? 0) + n);
      }
      await writeAtomic(path.join(imageDir, name), fit?.svg ?? image.bytes);
      saved.set(hash, path.posix.join('images', stem, name));
    }
    return saved.get(hash)!;
  };

  if (extension === '.docx') {
    const {draft, warnings} = await docxArticle(from, stem, keep);
    result.draft = draft;
    result.warnings = warnings;
  } else {
    const bytes = await readFile(from);
    const declared = extension === '.txt' || extension === '.text' ? undefined : declaredCharset(bytes);
    const decoded = declared ? {text: new TextDecoder(declared).decode(bytes), encoding: declared.toUpperCase()} : decodeText(bytes);
    result.encoding = decoded.encoding;
    result.draft = extension === '.html' || extension === '.htm' ? htmlArticle(decoded.text, stem) : textArticle(decoded.text, stem);
  }

  // A web page's pictures: those saved with it are copied beside the manuscript; those on the web are named in the report.
  for (const block of result.draft.blocks) {
    if (block.kind !== 'image' || block.src.startsWith('images/')) continue;
    const local = await localImage(block.src, path.dirname(from));
    if (local) block.src = await keep(local, local.file);
    else {
      result.remoteImages.push(block.src);
      // Its caption stays in the text, marked, so nothing is lost.
      Object.assign(block, {kind: 'paragraph', text: `［缺图${block.caption ? `：${block.caption}` : ''}］`});
    }
  }
  result.images = saved.size;
  if (options.part) result.draft.part = options.part;
  await mkdir(options.to, {recursive: true});
  await writeAtomic(out, draftToMarkdown(result.draft));
  return result;
}

/** A page's picture on this machine: a `data:` URL, or a file saved beside the page (and where it is). */
async function localImage(src: string, pageDir: string): Promise<(EmbeddedImage & {file?: string}) | undefined> {
  const data = /^data:(image\/[\w+.-]+);base64,(.*)$/s.exec(src);
  if (data) return {contentType: data[1]!, bytes: Buffer.from(data[2]!, 'base64')};
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) return undefined;
  const file = path.resolve(pageDir, decodeURIComponent(src.split(/[?#]/)[0]!));
  if (!(await stat(file).catch(() => undefined))?.isFile()) return undefined;
  const type = IMAGE_TYPES[path.extname(file).toLowerCase()];
  return type ? {contentType: type, bytes: await readFile(file), file} : undefined;
}

/** The charset a web page declares (`<meta charset="gbk">`), if Node can decode it. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const name = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (!name || name === 'utf-8' || name === 'utf8') return undefined;
  try {
    new TextDecoder(name);
    return name;
  } catch {
    return undefined;
  }
}
