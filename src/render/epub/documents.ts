import type {Element, ElementContent, Root, RootContent} from 'hast';
import {h} from 'hastscript';
import {toHtml} from 'hast-util-to-html';
import type {ApparatusName, Article, Book, Part} from '../../model/book.js';
import {articleHeader} from '../shared/article-opening.js';
import {circled, replaceCalls} from '../shared/footnotes.js';
import type {Labels} from '../shared/labels.js';
import {partPageLines, titlePageLines} from '../shared/pages.js';

/** One file of the EPUB's content: where it goes, what it is, and its text. */
export interface EpubFile {
  /** Path inside OEBPS/. */
  href: string;
  id: string;
  mediaType: string;
  content: string | Uint8Array;
  /** OPF manifest properties (`nav`, `cover-image`, `svg`). */
  properties?: string;
  /** In the spine (reading order) when true. */
  spine?: boolean;
}

/**
 * An XHTML content document (EPUB 3): the XML declaration, the XHTML and EPUB namespaces, the
 * language on the root (`lang` and `xml:lang`), the book's stylesheet.
 */
export function xhtml(options: {lang: string; title: string; body: ElementContent[]; bodyType?: string; htmlClass?: string[]}): string {
  const tree: Root = {
    type: 'root',
    children: [
      h(
        'html',
        {
          xmlns: 'http://www.w3.org/1999/xhtml',
          'xmlns:epub': 'http://www.idpf.org/2007/ops',
          lang: options.lang,
          'xml:lang': options.lang,
          className: options.htmlClass,
        },
        [
          h('head', [h('meta', {charSet: 'utf-8'}), h('title', options.title), h('link', {rel: 'stylesheet', type: 'text/css', href: 'style.css'})]),
          h('body', options.bodyType ? {'epub:type': options.bodyType} : {}, options.body),
        ],
      ) as RootContent,
    ],
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n${toXhtml(tree)}\n`;
}

/** Text for XML content and attribute values. */
export const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Serialize HAST as XHTML: every element closed, attribute names as written (epub:type, xml:lang). */
export function toXhtml(tree: Root | Element): string {
  return toHtml(tree, {space: 'html', closeSelfClosing: true, closeEmptyElements: false, tightSelfClosing: false, allowDangerousCharacters: false});
}

/** File name of an article's chapter: stable and readable (`a03.xhtml`), never derived from a Chinese title. */
export function chapterHref(article: Article): string {
  return `${article.id.replace(/^a(\d+)$/, (_, n: string) => `a${n.padStart(3, '0')}`)}.xhtml`;
}

/** File name of a generated section (`chronology.xhtml`, `index.xhtml`). */
export function apparatusHref(name: ApparatusName): string {
  return `${name}.xhtml`;
}

/** File name of a part's title page. */
export function partHref(part: Part): string {
  return `${part.id.replace(/^p(\d+)$/, (_, n: string) => `p${n.padStart(2, '0')}`)}.xhtml`;
}

/**
 * An article as EPUB XHTML: header, body, and footnotes as pop-up notes (`noteref` links and
 * `aside epub:type="footnote"`, which readers show in place), images relative to the chapter.
 */
export function chapterBody(article: Article, labels: Labels): ElementContent[] {
  // A copy to change (replaceCalls makes one).
  const body = replaceCalls(article.body, article.footnotes, (note, n) =>
    h('a.noteref', {'epub:type': 'noteref', role: 'doc-noteref', href: `#${note.id}`, id: note.refId}, circled(n)),
  );
  fixForXhtml(body);
  // Section headings get the ids the navigation links to (see sectionHeadings).
  body.children
    .filter((n): n is Element => n.type === 'element' && n.tagName === 'h2')
    .forEach((n, i) => {
      n.properties.id ??= `${article.id}-s${i + 1}`;
    });
  const notes = article.footnotes.map((note, i) =>
    h(
      'aside.footnote',
      {'epub:type': 'footnote', role: 'doc-footnote', id: note.id},
      numberedNote(h('a', {href: `#${note.refId}`}, circled(i + 1)), note.children),
    ),
  );
  return [
    h('section', {'epub:type': 'chapter', role: 'doc-chapter', 'aria-labelledby': `${article.id}-title`}, [
      withTitleId(articleHeader(article, labels), article.id),
      ...(body.children as ElementContent[]),
    ]),
    ...notes,
  ];
}

function withTitleId(header: ElementContent, id: string): ElementContent {
  if (header.type === 'element') {
    const title = header.children.find((c): c is Element => c.type === 'element' && c.tagName === 'h1');
    if (title) title.properties.id = `${id}-title`;
  }
  return header;
}

/** XHTML has no `align` on table cells (mdast-util-to-hast writes it): use a style instead. */
function fixForXhtml(tree: Root | Element): void {
  for (const node of tree.children) {
    if (node.type !== 'element') continue;
    const align = node.properties.align;
    if (align !== undefined) {
      delete node.properties.align;
      node.properties.style = `text-align: ${String(align)}`;
    }
    fixForXhtml(node);
  }
}

/** A part's title page. */
export function partBody(part: Part, labels: Labels): ElementContent[] {
  return [
    h('section.part-page', {'epub:type': 'part', role: 'doc-part', 'aria-labelledby': `${part.id}-title`}, partPageLines(part, labels, `${part.id}-title`)),
  ];
}

/** The title page: title, subtitle, author, publisher, year. */
export function titlePageBody(book: Book): ElementContent[] {
  return [h('section.title-page', {'epub:type': 'titlepage'}, titlePageLines(book.meta, {year: true}))];
}

/** The cover page: the cover image, described. */
export function coverBody(book: Book, coverHref: string, labels: Labels): ElementContent[] {
  return [h('section.cover', {'epub:type': 'cover'}, [h('img', {src: coverHref, alt: `${labels.cover}：${book.meta.title}`})])];
}

/**
 * A cover drawn as SVG from the book's metadata (no raster image to supply): a band, the
 * title set vertically or horizontally after the book, the author and year.
 */
export function coverSvg(book: Book): string {
  const {meta} = book;
  const vertical = meta.writingMode === 'vertical';
  const title = vertical
    ? [...meta.title].map((c, i) => `<text x="600" y="${330 + i * 84}" font-size="72" text-anchor="middle">${escapeXml(c)}</text>`).join('')
    : `<text x="600" y="780" font-size="64" text-anchor="middle">${escapeXml(meta.title)}</text>`;
  const band = vertical ? '<rect x="880" y="0" width="90" height="1600" fill="#9b1c1c"/>' : '<rect x="0" y="330" width="1200" height="90" fill="#9b1c1c"/>';
  const foot = [meta.author, meta.year]
    .filter(Boolean)
    .map((line, i) => `<text x="600" y="${1400 + i * 60}" font-size="40" text-anchor="middle">${escapeXml(line!)}</text>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="1600" viewBox="0 0 1200 1600" font-family="serif" fill="#111">
<rect width="1200" height="1600" fill="#f4efe4"/>${band}${title}${foot}
</svg>
`;
}

/**
 * A note's blocks with its number before the first paragraph's text. Only paragraphs run on:
 * a list, a table or code in a note stays a block (XHTML allows no block inside `<p>`).
 */
function numberedNote(number: Element, children: ElementContent[]): ElementContent[] {
  const blocks = children.filter((child) => !(child.type === 'text' && !child.value.trim()));
  const [first, ...rest] = blocks;
  if (first?.type === 'element' && first.tagName === 'p') return [h('p', [number, ' ', ...first.children]), ...rest];
  return [h('p', [number]), ...blocks];
}
