import {createHash} from 'node:crypto';
import type {Element, ElementContent} from 'hast';
import {h} from 'hastscript';
import {toString as textOf} from 'hast-util-to-string';
import {type ApparatusName, articlesOf, type Book} from '../../model/book.js';
import {apparatusTitle} from '../shared/apparatus.js';
import {labelsFor, type Labels} from '../shared/labels.js';
import {partHeading} from '../shared/pages.js';
import {writingModeOf} from '../shared/writing-mode.js';
import type {EpubFile} from './documents.js';
import {apparatusHref, chapterHref, escapeXml, partHref} from './documents.js';

/**
 * The book's identifier: given in book.yaml (`epub.identifier`), else a UUID derived from its
 * title, author and year, so that every build of the same book carries the same one.
 */
export function bookIdentifier(book: Book, given?: string): string {
  if (given) return given;
  const hash = createHash('sha256')
    .update([book.meta.title, book.meta.author ?? '', book.meta.year ?? ''].join('\n'))
    .digest('hex');
  // A name-based UUID (version 5 layout), so readers that expect urn:uuid accept it.
  const v5 = `${hash.slice(0, 8)}-${hash.slice(8, 12)}-5${hash.slice(13, 16)}-${((Number.parseInt(hash[16]!, 16) & 0x3) | 0x8).toString(16)}${hash.slice(17, 20)}-${hash.slice(20, 32)}`;
  return `urn:uuid:${v5}`;
}

/** `2025-12-20T00:00:00Z`: the date form OPF's `dcterms:modified` requires. */
export function opfDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/**
 * The package document (content.opf): metadata (titles, creator with role, publisher, date,
 * language, modified, accessibility), the manifest and the spine with its page progression.
 */
export function contentOpf(book: Book, files: EpubFile[], options: {identifier: string; modified: Date}): string {
  const {meta} = book;
  const mode = writingModeOf(meta);
  const hasImages = files.some((f) => f.mediaType.startsWith('image/') && f.properties !== 'cover-image');
  // “某某 编” is an editor (MARC relator edt); otherwise an author.
  const role = meta.author && /\s*编$/.test(meta.author) ? 'edt' : 'aut';
  const lines = [
    `<dc:identifier id="book-id">${escapeXml(options.identifier)}</dc:identifier>`,
    `<dc:title id="title">${escapeXml(meta.title)}</dc:title>`,
    '<meta refines="#title" property="title-type">main</meta>',
    ...(meta.subtitle
      ? [`<dc:title id="subtitle">${escapeXml(meta.subtitle)}</dc:title>`, '<meta refines="#subtitle" property="title-type">subtitle</meta>']
      : []),
    ...(meta.author
      ? [`<dc:creator id="creator">${escapeXml(meta.author)}</dc:creator>`, `<meta refines="#creator" property="role" scheme="marc:relators">${role}</meta>`]
      : []),
    ...(meta.publisher ? [`<dc:publisher>${escapeXml(meta.publisher)}</dc:publisher>`] : []),
    `<dc:date>${opfDate(options.modified).slice(0, 10)}</dc:date>`,
    `<dc:language>${escapeXml(meta.language)}</dc:language>`,
    `<meta property="dcterms:modified">${opfDate(options.modified)}</meta>`,
    '<meta property="schema:accessMode">textual</meta>',
    ...(hasImages ? ['<meta property="schema:accessMode">visual</meta>'] : []),
    '<meta property="schema:accessModeSufficient">textual</meta>',
    '<meta property="schema:accessibilityFeature">structuralNavigation</meta>',
    '<meta property="schema:accessibilityFeature">tableOfContents</meta>',
    '<meta property="schema:accessibilityFeature">readingOrder</meta>',
    ...(hasImages ? ['<meta property="schema:accessibilityFeature">alternativeText</meta>'] : []),
    '<meta property="schema:accessibilityHazard">none</meta>',
    `<meta property="schema:accessibilitySummary">${escapeXml(labelsFor(meta.language).accessibility(meta.title))}</meta>`,
    '<meta name="cover" content="cover-image"/>',
    ...(mode.epubWritingMode ? [`<meta name="primary-writing-mode" content="${mode.epubWritingMode}"/>`] : []),
  ];
  const manifest = files.map(
    (f) => `<item id="${f.id}" href="${escapeXml(f.href)}" media-type="${f.mediaType}"${f.properties ? ` properties="${f.properties}"` : ''}/>`,
  );
  const spine = files.filter((f) => f.spine).map((f) => `<itemref idref="${f.id}"/>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${escapeXml(meta.language)}" prefix="schema: http://schema.org/">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
${lines.join('\n')}
</metadata>
<manifest>
${manifest.join('\n')}
</manifest>
<spine page-progression-direction="${mode.direction}">
${spine.join('\n')}
</spine>
</package>
`;
}

/** Section headings (h2) of an article, with the ids the chapter gives them, for the nested TOC. */
function sectionHeadings(article: {body: {children: unknown[]}; id: string}): Array<{id: string; text: string}> {
  return (article.body.children as ElementContent[])
    .filter((n): n is Element => n.type === 'element' && n.tagName === 'h2')
    .map((n, i) => ({id: String(n.properties.id ?? `${article.id}-s${i + 1}`), text: textOf(n)}));
}

/**
 * The navigation document's body: the nested table of contents (front articles, then parts →
 * articles → their section headings) with `role="doc-toc"`, and the landmarks.
 */
export function navBody(book: Book, hrefs: {cover: string; title: string; nav: string}, labels: Labels): ElementContent[] {
  const article = (a: (typeof book.front)[number]) => {
    const sections = sectionHeadings(a);
    return h('li', [
      h('a', {href: chapterHref(a)}, a.title),
      sections.length > 0
        ? h(
            'ol',
            sections.map((s) => h('li', [h('a', {href: `${chapterHref(a)}#${s.id}`}, s.text)])),
          )
        : undefined,
    ]);
  };
  const first = articlesOf(book)[0];
  const generated = (names: ApparatusName[]) => names.map((name) => h('li', [h('a', {href: apparatusHref(name)}, apparatusTitle(name, labels))]));
  const hasIndex = [...book.apparatus.front, ...book.apparatus.back].includes('index');
  return [
    h('nav#toc', {'epub:type': 'toc', role: 'doc-toc'}, [
      h('h1', labels.contents),
      h('ol', [
        ...generated(book.apparatus.front),
        ...book.front.map(article),
        ...book.parts.map((part) => h('li', [h('a', {href: partHref(part)}, partHeading(part, labels)), h('ol', part.articles.map(article))])),
        ...generated(book.apparatus.back),
      ]),
    ]),
    h('nav#landmarks', {'epub:type': 'landmarks'}, [
      h('ol', [
        h('li', [h('a', {'epub:type': 'cover', href: hrefs.cover}, labels.cover)]),
        h('li', [h('a', {'epub:type': 'titlepage', href: hrefs.title}, labels.titlePage)]),
        h('li', [h('a', {'epub:type': 'toc', href: `${hrefs.nav}#toc`}, labels.contents)]),
        first ? h('li', [h('a', {'epub:type': 'bodymatter', href: chapterHref(first)}, labels.bodyMatter)]) : undefined,
        hasIndex ? h('li', [h('a', {'epub:type': 'index', href: apparatusHref('index')}, labels.index)]) : undefined,
      ]),
    ]),
  ];
}
