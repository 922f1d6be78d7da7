/**
 * The book as a Word document (`.docx`) that offices edit, submit and print: the same compiled
 * book the PDF and the EPUB are made of, in Word's own terms — named styles, a table of
 * contents field, a section per part and per article (its running head its own), footnotes,
 * pictures, 三线表, page setup from book.yaml.
 */
import type {Element, ElementContent, Root} from 'hast';
import {toString as textOf} from 'hast-util-to-string';
import {
  AlignmentType,
  Document,
  type FileChild,
  Footer,
  Header,
  type ISectionOptions,
  ImageRun,
  LevelFormat,
  NumberFormat,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  TableOfContents,
  TextRun,
} from 'docx';
import type {Article, Book, BookMeta} from '../../model/book.js';
import {adaptTree} from '../shared/adapt.js';
import {apparatusSection, titleLocate} from '../shared/apparatus.js';
import {articleHeader} from '../shared/article-opening.js';
import {copyTree} from '../shared/copy-tree.js';
import {type Labels, labelsFor} from '../shared/labels.js';
import {partPageLines, titlePageLines} from '../shared/pages.js';
import {textWidthMm} from '../../config/schema.js';
import {type BlockContext, blocksOf, listIndent} from './blocks.js';
import {finishPackage} from './package.js';
import {type Picture, pictureBox} from './pictures.js';
import {classList} from './runs.js';
import {docxStyles, STYLE} from './styles.js';
import {wordLanguage} from './word-fonts.js';

/** What the document needs besides the book. */
export interface DocxOptions {
  /** The book's pictures by URL ({@link loadPictures}). */
  pictures: Map<string, Picture>;
  /** Date of the edition: the document's dates and every file's time in the zip. */
  modified: Date;
}

const TWIPS_PER_MM = 1440 / 25.4;
const mm = (value: number) => Math.round(value * TWIPS_PER_MM);

/** The templates' margins (pages-*.css): 18 mm top, bottom and at the spine, 15 mm at the outer edge. */
const MARGIN = {top: 18, bottom: 18, inner: 18, outer: 15, head: 9, foot: 9};

/** The text area of a page of `meta`'s size, in millimetres. */
function textArea(meta: BookMeta): {width: number; height: number} {
  return {width: textWidthMm(meta.pageSize.width), height: meta.pageSize.height - MARGIN.top - MARGIN.bottom};
}

/** The pictures' box: the text's width and 45 % of the page's height, as print.css (a vertical book's: 70 % of the page's width). */
export function docxPictureBox(meta: BookMeta): ReturnType<typeof pictureBox> {
  const {width} = textArea(meta);
  return meta.writingMode === 'vertical'
    ? pictureBox(Math.min(width, meta.pageSize.width * 0.7), meta.pageSize.height - 50)
    : pictureBox(width, meta.pageSize.height);
}

/** The book as the bytes of a `.docx`. */
export async function renderDocx(book: Book, options: DocxOptions): Promise<Uint8Array> {
  const {meta} = book;
  const labels = labelsFor(meta.language);
  const writer = new DocumentWriter(book, options.pictures, labels);
  // Written first: the lists met in the text decide the numberings.
  const sections = writer.sections();
  const doc = new Document({
    title: meta.title,
    ...(meta.subtitle ? {subject: meta.subtitle} : {}),
    ...(meta.author ? {creator: meta.author, lastModifiedBy: meta.author} : {creator: 'huibian'}),
    description: `${meta.title}${meta.year ? `（${meta.year}）` : ''}`,
    styles: docxStyles(meta),
    numbering: {config: writer.numberingConfig()},
    evenAndOddHeaderAndFooters: true,
    sections,
    footnotes: writer.footnotes,
  });
  const bytes = await Packer.toBuffer(doc);
  return finishPackage(bytes, {modified: options.modified, vertical: meta.writingMode === 'vertical'});
}

/** One document being written: its footnotes, list numberings and pictures as they are met. */
class DocumentWriter {
  readonly footnotes: Record<number, {children: Paragraph[]}> = {};
  private noteCount = 0;
  private listCount = 0;
  private readonly lists: Array<{reference: string; ordered: boolean; start: number}> = [];
  private readonly vertical: boolean;
  private readonly locate;
  /** What every section shares: the book's running head on left-hand pages, the folios, the empty ones. */
  private readonly furniture;
  /** The header or footer each slot (`header-even`) holds now, from the sections written so far. */
  private readonly written = new Map<string, Header | Footer>();

  constructor(
    private readonly book: Book,
    private readonly pictures: Map<string, Picture>,
    private readonly labels: Labels,
  ) {
    this.vertical = book.meta.writingMode === 'vertical';
    this.locate = titleLocate(book, (article, target) => `#${target ?? article}`);
    this.furniture = {
      even: runningHead(book.meta.runningHead, 'outer-even'),
      none: new Header({children: []}),
      folios: {default: folioFooter('odd'), even: folioFooter('even'), first: folioFooter('first')},
      noFolio: new Footer({children: []}),
    };
  }

  /** Title page; contents and front matter (numbered i, ii …); the articles and parts (1, 2 …); back matter. */
  sections(): ISectionOptions[] {
    const {book, labels} = this;
    const sections: ISectionOptions[] = [];
    sections.push(this.section(this.blocks(titlePageLines(book.meta, {year: true})), {furniture: false}));
    const contents = [
      new Paragraph({style: STYLE.contentsHeading, children: [new TextRun(labels.contents)]}),
      new TableOfContents(labels.contents, {hyperlink: true, headingStyleRange: '1-2', beginDirty: true}),
    ];
    sections.push(this.section(contents, {start: 1, format: NumberFormat.UPPER_ROMAN, head: labels.contents}));
    for (const name of book.apparatus.front) sections.push(this.apparatus(name));
    // The body's folios start at 1 on its first page, whatever opens it.
    let body = 0;
    const numbered = () => (body++ === 0 ? {start: 1} : {});
    for (const article of book.front) sections.push(this.article(article, numbered()));
    for (const part of book.parts) {
      sections.push(this.section(this.blocks(partPageLines(part, labels, part.id)), {furniture: false, ...numbered(), type: this.articleBreak()}));
      for (const article of part.articles) sections.push(this.article(article, {}));
    }
    for (const name of book.apparatus.back) sections.push(this.apparatus(name, numbered()));
    return sections;
  }

  /** A section of `children` on pages of the book's size, its running head `head` (the book's title on left-hand pages). */
  private section(
    children: FileChild[],
    {
      furniture = true,
      start,
      format,
      head,
      type,
    }: {
      furniture?: boolean;
      start?: number;
      format?: (typeof NumberFormat)[keyof typeof NumberFormat];
      head?: string;
      type?: (typeof SectionType)[keyof typeof SectionType];
    } = {},
  ): ISectionOptions {
    const {meta} = this.book;
    const folio = format ?? (meta.folio === 'chinese' ? NumberFormat.CHINESE_COUNTING : NumberFormat.DECIMAL);
    return {
      properties: {
        type: type ?? SectionType.NEXT_PAGE,
        titlePage: true,
        page: {
          size: {width: mm(meta.pageSize.width), height: mm(meta.pageSize.height)},
          margin: {
            top: mm(MARGIN.top),
            bottom: mm(MARGIN.bottom),
            left: mm(MARGIN.inner),
            right: mm(MARGIN.outer),
            header: mm(MARGIN.head),
            footer: mm(MARGIN.foot),
            gutter: 0,
          },
          pageNumbers: {...(start ? {start} : {}), formatType: folio},
          ...(this.vertical ? {textDirection: 'tbRl' as const} : {}),
        },
        // Notes numbered ① ② … from each page's first, as Chinese books number page-foot notes.
        footnoteProperties: {numberFormat: {type: NumberFormat.DECIMAL_ENCLOSED_CIRCLE_CHINESE}, restart: 'eachPage'},
      },
      // A section's first page (a title, a part's page, an article's opening) has a folio and no running head.
      headers: this.changed({
        ...(furniture ? {default: runningHead(head ?? meta.runningHead, 'outer'), even: this.furniture.even} : {}),
        first: this.furniture.none,
      }),
      footers: this.changed(furniture ? this.furniture.folios : {first: this.furniture.noFolio}),
      children,
    };
  }

  /**
   * Of a section's headers or footers, those that differ from the ones before: a section
   * without one takes the previous section's (Word's rule), so the folios and the book's
   * running head are written once, not once for each of hundreds of articles.
   */
  private changed<T extends Header | Footer>(wanted: {default?: T; even?: T; first?: T}): {default?: T; even?: T; first?: T} {
    const out: {default?: T; even?: T; first?: T} = {};
    for (const kind of ['default', 'even', 'first'] as const) {
      const item = wanted[kind];
      const slot = `${item instanceof Header ? 'header' : 'footer'}-${kind}`;
      if (!item || this.written.get(slot) === item) continue;
      this.written.set(slot, item);
      out[kind] = item;
    }
    return out;
  }

  /** Where an article (or a part) starts: a new page, a right-hand page, or on the same page. */
  private articleBreak(): (typeof SectionType)[keyof typeof SectionType] {
    const start = this.book.meta.articleStart;
    return start === 'recto' ? SectionType.ODD_PAGE : start === 'continue' ? SectionType.CONTINUOUS : SectionType.NEXT_PAGE;
  }

  private article(article: Article, numbering: {start?: number}): ISectionOptions {
    const header = articleHeader(article, this.labels) as Element;
    const title = header.children.find((c): c is Element => c.type === 'element' && c.tagName === 'h1');
    if (title) title.properties.id = article.id;
    const body = copyTree(article.body);
    adaptTree(this.book.meta, body, 'css');
    const headerRoot: Root = {type: 'root', children: [header]};
    adaptTree(this.book.meta, headerRoot, 'css');
    const notes = new Map(article.footnotes.map((note) => [note.id, ++this.noteCount]));
    const context = this.context((href) => notes.get(href.slice(1)));
    for (const note of article.footnotes) {
      const tree: Root = {type: 'root', children: copyTree({type: 'root', children: note.children}).children};
      adaptTree(this.book.meta, tree, 'css');
      this.footnotes[notes.get(note.id)!] = {children: blocksOf(tree.children as ElementContent[], context, STYLE.note) as Paragraph[]};
    }
    const children = [...blocksOf(headerRoot.children as ElementContent[], context), ...blocksOf(body.children as ElementContent[], context)];
    return this.section(children, {...numbering, head: article.runningHead, type: this.articleBreak()});
  }

  private apparatus(name: 'chronology' | 'index', numbering: {start?: number} = {}): ISectionOptions {
    const section = apparatusSection(name, this.book, this.labels, this.locate);
    const heading = section.children.find((c): c is Element => c.type === 'element' && classList(c).includes('apparatus-heading'));
    return this.section(this.blocks([section]), {
      ...numbering,
      head: heading ? textOf(heading) : undefined,
      type: this.articleBreak(),
    });
  }

  private blocks(nodes: ElementContent[]): FileChild[] {
    const root: Root = {type: 'root', children: nodes};
    adaptTree(this.book.meta, root, 'css');
    return blocksOf(
      root.children as ElementContent[],
      this.context(() => undefined),
    );
  }

  private context(footnote: (href: string) => number | undefined): BlockContext {
    const {meta} = this.book;
    return {
      vertical: this.vertical,
      language: wordLanguage(meta),
      textWidth: mm(textArea(meta).width),
      footnote,
      bookmark,
      image: (img) => this.image(img),
      listNumbering: (ordered, start) => {
        const reference = `${ordered ? 'number' : 'bullet'}-${start}`;
        if (!this.lists.some((list) => list.reference === reference)) this.lists.push({reference, ordered, start});
        return {reference, instance: ++this.listCount};
      },
    };
  }

  private image(img: Element): ImageRun | undefined {
    const picture = this.pictures.get(String(img.properties.src ?? ''));
    if (!picture) return undefined;
    const alt = String(img.properties.alt ?? '');
    const transformation = {width: picture.width, height: picture.height};
    const altText = {name: alt || 'picture', description: alt, title: alt};
    return picture.type === 'svg'
      ? new ImageRun({type: 'svg', data: picture.data, fallback: {type: 'png', data: picture.fallback}, transformation, altText})
      : new ImageRun({type: picture.type, data: picture.data, transformation, altText});
  }

  /** Bullets (• ◦ ▪) and numbers (1. (1) ①) by level, each with its own start. */
  numberingConfig() {
    const bullets = ['•', '◦', '▪'];
    const numbers: Array<[(typeof LevelFormat)[keyof typeof LevelFormat], (level: number) => string]> = [
      [LevelFormat.DECIMAL, (l) => `%${l + 1}.`],
      [LevelFormat.DECIMAL, (l) => `(%${l + 1})`],
      [LevelFormat.DECIMAL_ENCLOSED_CIRCLE, (l) => `%${l + 1}`],
    ];
    const lists = this.lists.length > 0 ? this.lists : [{reference: 'bullet-1', ordered: false, start: 1}];
    return lists.map(({reference, ordered, start}) => ({
      reference,
      levels: Array.from({length: 9}, (_, level) => {
        const [format, text] = numbers[level % 3]!;
        return {
          level,
          format: ordered ? format : LevelFormat.BULLET,
          text: ordered ? text(level) : bullets[level % 3]!,
          start: ordered && level === 0 ? start : 1,
          alignment: AlignmentType.LEFT,
          style: {paragraph: {indent: {left: listIndent(level), hanging: 420}}},
        };
      }),
    }));
  }
}

/** A Word bookmark name for an element id: letters, digits and underscores, starting with a letter, at most 40 characters. */
export function bookmark(id: string): string {
  const name = `h_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
  return name.length <= 40 ? name : `h_${hash(id)}`;
}

function hash(text: string): string {
  let value = 0x811c9dc5;
  for (const char of text) value = Math.imul(value ^ char.codePointAt(0)!, 0x01000193) >>> 0;
  return value.toString(36);
}

/** The running head: at the outer edge, a rule under it (the print's). */
function runningHead(text: string, side: 'outer' | 'outer-even'): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: side === 'outer' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: {firstLine: 0, firstLineChars: 0},
        border: {bottom: {style: 'single', size: 3, color: '000000', space: 1}},
        children: [new TextRun({text, size: 16})],
      }),
    ],
  });
}

/** The folio at the outer edge (centred on a section's first page). */
function folioFooter(page: 'odd' | 'even' | 'first'): Footer {
  const alignment = page === 'odd' ? AlignmentType.RIGHT : page === 'even' ? AlignmentType.LEFT : AlignmentType.CENTER;
  return new Footer({
    children: [new Paragraph({alignment, indent: {firstLine: 0, firstLineChars: 0}, children: [new TextRun({children: [PageNumber.CURRENT], size: 18})]})],
  });
}
