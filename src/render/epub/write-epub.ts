import {readFile} from 'node:fs/promises';
import type {ElementContent, Root} from 'hast';
import {EPub} from 'epub-gen-memory';
import {type ApparatusName, articlesOf, type Book} from '../../model/book.js';
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
  const {meta} = book;
  const lang = meta.language;
  const htmlClass = [writingModeOf(meta).htmlClass, 'spacing-markup'];
  const labels = labelsFor(lang);
  // The same vertical and spacing transforms as the print documents get.
  const page = (title: string, body: ElementContent[], bodyType: string) => {
    const root: Root = {type: 'root', children: body};
    adaptTree(meta, root, 'markup');
    return xhtml({lang, title, body: root.children as ElementContent[], bodyType, htmlClass});
  };

  const files: EpubFile[] = [];
  files.push({href: 'cover.svg', id: 'cover-image', mediaType: 'image/svg+xml', content: coverSvg(book), properties: 'cover-image'});
  files.push({
    href: 'cover.xhtml',
    id: 'cover',
    mediaType: 'application/xhtml+xml',
    content: page(meta.title, coverBody(book, 'cover.svg', labels), 'frontmatter'),
    spine: true,
  });
  files.push({
    href: 'title.xhtml',
    id: 'title-page',
    mediaType: 'application/xhtml+xml',
    content: page(meta.title, titlePageBody(book), 'frontmatter'),
    spine: true,
  });
  const tocTitle = labels.contents;
  files.push({
    href: 'nav.xhtml',
    id: 'nav',
    mediaType: 'application/xhtml+xml',
    properties: 'nav',
    content: page(tocTitle, navBody(book, {cover: 'cover.xhtml', title: 'title.xhtml', nav: 'nav.xhtml'}, labels), 'frontmatter'),
    spine: true,
  });
  const apparatusFile = (name: ApparatusName, bodyType: string): EpubFile => ({
    href: apparatusHref(name),
    id: apparatusId(name),
    mediaType: 'application/xhtml+xml',
    content: page(apparatusTitle(name, labels), [apparatusSection(name, book, labels, locate)], bodyType),
    spine: true,
  });
  const hrefOf = new Map(articlesOf(book).map((article) => [article.id, chapterHref(article)]));
  const locate = titleLocate(book, (article, target) => `${hrefOf.get(article)}${target ? `#${target}` : ''}`);
  for (const name of book.apparatus.front) files.push(apparatusFile(name, 'frontmatter'));
  for (const article of book.front) files.push(chapterFile(article));
  for (const part of book.parts) {
    files.push({
      href: partHref(part),
      id: part.id,
      mediaType: 'application/xhtml+xml',
      content: page(part.title, partBody(part, labels), 'bodymatter'),
      spine: true,
    });
    for (const article of part.articles) files.push(chapterFile(article));
  }
  for (const name of book.apparatus.back) files.push(apparatusFile(name, 'backmatter'));
  function chapterFile(article: (typeof book.front)[number]): EpubFile {
    return {
      href: chapterHref(article),
      id: article.id,
      mediaType: 'application/xhtml+xml',
      content: page(article.title, chapterBody(article, labels), 'bodymatter'),
      spine: true,
    };
  }
  for (const asset of book.assets) {
    let content: Uint8Array | string = await readFile(asset.path);
    // Any SVG, imported or drawn by hand, as EPUB allows it (the build checked that it is one).
    if (asset.mediaType === 'image/svg+xml') content = svgForEpub(content, embedBeside(asset.path))?.svg ?? content;
    files.push({href: asset.url, id: `img-${asset.url.replace(/\W/g, '-')}`, mediaType: asset.mediaType, content});
  }
  // The design knobs first: print.css and a book's custom.css read and set them.
  const css = [`:root {${DESIGN_KNOBS}\n}`, await readTemplate(book.dir, 'print.css'), await readTemplate(book.dir, 'epub.css')];
  for (const file of book.styles) css.push(await readBookStylesheet(file));
  if (options.embedFonts) {
    const text = files
      .filter((f) => typeof f.content === 'string')
      .map((f) => String(f.content).replace(/<[^>]+>/g, ''))
      .join('');
    // The stylesheets too: their generated content (＊　＊　＊, the emphasis dot) needs glyphs.
    // Loaded only here: subset-font (HarfBuzz) costs a start-up that books without embedded fonts need not pay.
    const {embedFonts} = await import('./embed-fonts.js');
    const fonts = await embedFonts(scriptOf(lang), text + css.join(''), options.signal);
    files.push(...fonts.files);
    css.push(fonts.css);
    options.onFonts?.(fonts.bytes, fonts.files.length);
  }
  files.push({href: 'style.css', id: 'style', mediaType: 'text/css', content: css.join('\n')});
  const opf = contentOpf(book, files, {identifier: bookIdentifier(book, options.identifier), modified: options.modified});
  const epub = new HuibianEpub(
    [...files, {href: 'content.opf', id: 'opf', mediaType: 'application/oebps-package+xml', content: opf}],
    options.modified,
    meta.title,
    lang,
  );
  return epub.bytes();
}
