import {readFile} from 'node:fs/promises';
import type {ElementContent, Root} from 'hast';
import {EPub} from 'epub-gen-memory';
import {type ApparatusName, type Article, articlesOf, type Book} from '../../model/book.js';
import {apparatusId, apparatusSection, apparatusTitle, titleLocate} from '../shared/apparatus.js';
import {readBookStylesheet, readTemplate} from '../../files/templates.js';
import {DESIGN_KNOBS} from '../shared/book-css.js';
import {scriptOf} from '../../typography/script.js';
import {adaptTree} from '../shared/adapt.js';
import {labelsFor} from '../shared/labels.js';
import {svgForEpub} from '../../svg/for-epub.js';
import {embedBeside} from '../../svg/references.js';
import {apparatusHref, chapterBody, chapterHref, coverBody, coverSvg, partBody, partHref, titlePageBody, xhtml, type EpubFile} from './documents.js';
import {bookIdentifier, contentOpf, navBody} from './package.js';
import {writingModeOf} from '../shared/writing-mode.js';

/** What the EPUB needs besides the book. */
export interface EpubOptions {
  /** book.yaml `epub.identifier`, else derived from the book. */
  identifier?: string;
  /** Date of the edition, written as `dcterms:modified` and as every file's time in the zip. */
  modified: Date;
  /** Embed subsets of the book's fonts (book.yaml `epub.embedFonts`). */
  embedFonts?: boolean;
  /** Told the size of the embedded fonts, in bytes. */
  onFonts?(bytes: number, files: number): void;
  /** Cancels the font embedding. */
  signal?: AbortSignal;
}

/**
 * epub-gen-memory's EPub with huibian's own package: its templates cannot give a stable
 * identifier, the language, rtl page progression, landmarks, a nested TOC, pop-up notes or
 * stable file names, and its sanitizer drops `epub:type`. The subclass keeps its zip (mimetype
 * first and stored) and writes every other file itself, then fixes all file times.
 */
class HuibianEpub extends EPub {
  constructor(
    private readonly files: EpubFile[],
    private readonly modified: Date,
    title: string,
    lang: string,
  ) {
    super({title, lang, verbose: false, version: 3}, []);
  }

  protected override async generateTemplateFiles(): Promise<void> {
    this.zip.file(
      'META-INF/container.xml',
      '<?xml version="1.0" encoding="UTF-8"?>\n<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>\n',
    );
    for (const file of this.files) this.zip.file(`OEBPS/${file.href}`, file.content);
  }

  // Images are the book's own files, written with the other files: nothing to download.
  protected override async downloadAllImages(): Promise<void> {}

  /** The EPUB as bytes, every entry dated `modified` so that equal books give equal files. */
  async bytes(): Promise<Uint8Array> {
    await this.render();
    for (const entry of Object.values(this.zip.files)) entry.date = this.modified;
    return this.generateAsync({type: 'uint8array', mimeType: 'application/epub+zip', compression: 'DEFLATE', compressionOptions: {level: 9}});
  }
}

/**
 * The book as an EPUB 3: cover, title page, navigation (nested TOC and landmarks), a part page
 * per part and a chapter per article, with the book's stylesheet, in the book's writing mode.
 */
export async function renderEpub(book: Book, options: EpubOptions): Promise<Uint8Array> {
  const files = [...documents(book), ...(await assets(book))];
  const css = await stylesheet(book);
  if (options.embedFonts) {
    const text = files
      .filter((f) => typeof f.content === 'string')
      .map((f) => String(f.content).replace(/<[^>]+>/g, ''))
      .join('');
    // The stylesheets too: their generated content (＊　＊　＊, the emphasis dot) needs glyphs.
    // Loaded only here: subset-font (HarfBuzz) costs a start-up that books without embedded fonts need not pay.
    const {embedFonts} = await import('./embed-fonts.js');
    const fonts = await embedFonts(scriptOf(book.meta.language), text + css.join(''), options.signal);
    files.push(...fonts.files);
    css.push(fonts.css);
    options.onFonts?.(fonts.bytes, fonts.files.length);
  }
  files.push({href: 'style.css', id: 'style', mediaType: 'text/css', content: css.join('\n')});
  const opf = contentOpf(book, files, {identifier: bookIdentifier(book, options.identifier), modified: options.modified});
  const epub = new HuibianEpub(
    [...files, {href: 'content.opf', id: 'opf', mediaType: 'application/oebps-package+xml', content: opf}],
    options.modified,
    book.meta.title,
    book.meta.language,
  );
  return epub.bytes();
}

/** The content documents in reading order: cover, title page, navigation, front matter, parts and chapters, back matter. */
function documents(book: Book): EpubFile[] {
  const {meta} = book;
  const labels = labelsFor(meta.language);
  const htmlClass = [writingModeOf(meta).htmlClass, 'spacing-markup'];
  // The same vertical and spacing transforms as the print documents get.
  const page = (href: string, id: string, title: string, body: ElementContent[], bodyType: string, more: Partial<EpubFile> = {}): EpubFile => {
    const root: Root = {type: 'root', children: body};
    adaptTree(meta, root, 'markup');
    const content = xhtml({lang: meta.language, title, body: root.children as ElementContent[], bodyType, htmlClass});
    return {href, id, mediaType: 'application/xhtml+xml', content, spine: true, ...more};
  };
  const hrefOf = new Map(articlesOf(book).map((article) => [article.id, chapterHref(article)]));
  const locate = titleLocate(book, (article, target) => `${hrefOf.get(article)}${target ? `#${target}` : ''}`);
  const apparatus = (name: ApparatusName, bodyType: string) =>
    page(apparatusHref(name), apparatusId(name), apparatusTitle(name, labels), [apparatusSection(name, book, labels, locate)], bodyType);
  const chapter = (article: Article) => page(chapterHref(article), article.id, article.title, chapterBody(article, labels), 'bodymatter');
  return [
    {href: 'cover.svg', id: 'cover-image', mediaType: 'image/svg+xml', content: coverSvg(book), properties: 'cover-image'},
    page('cover.xhtml', 'cover', meta.title, coverBody(book, 'cover.svg', labels), 'frontmatter'),
    page('title.xhtml', 'title-page', meta.title, titlePageBody(book), 'frontmatter'),
    page('nav.xhtml', 'nav', labels.contents, navBody(book, {cover: 'cover.xhtml', title: 'title.xhtml', nav: 'nav.xhtml'}, labels), 'frontmatter', {
      properties: 'nav',
    }),
    ...book.apparatus.front.map((name) => apparatus(name, 'frontmatter')),
    ...book.front.map(chapter),
    ...book.parts.flatMap((part) => [page(partHref(part), part.id, part.title, partBody(part, labels), 'bodymatter'), ...part.articles.map(chapter)]),
    ...book.apparatus.back.map((name) => apparatus(name, 'backmatter')),
  ];
}

/** The book's pictures; any SVG, imported or drawn by hand, as EPUB allows it (the build checked that it is one). */
async function assets(book: Book): Promise<EpubFile[]> {
  const files: EpubFile[] = [];
  for (const asset of book.assets) {
    let content: Uint8Array | string = await readFile(asset.path);
    if (asset.mediaType === 'image/svg+xml') content = svgForEpub(content, embedBeside(asset.path))?.svg ?? content;
    files.push({href: asset.url, id: `img-${asset.url.replace(/\W/g, '-')}`, mediaType: asset.mediaType, content});
  }
  return files;
}

/** The stylesheets, in cascade order: the design knobs first (print.css and a book's custom.css read and set them), the print's and the EPUB's, the book's own. */
async function stylesheet(book: Book): Promise<string[]> {
  const css = [`:root {${DESIGN_KNOBS}\n}`, await readTemplate(book.dir, 'print.css'), await readTemplate(book.dir, 'epub.css')];
  for (const file of book.styles) css.push(await readBookStylesheet(file));
  return css;
}
