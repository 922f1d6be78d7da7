/**
 * HAST blocks as Word paragraphs and tables, each with its named style: paragraphs, headings,
 * quotes, lists, code, figures with captions, tables as 三线表 (three rules, no verticals),
 * and the lines huibian writes (title page, article opening, chronology and index entries),
 * known by their classes. Text standing where a block should is a paragraph of its own.
 */
import type {Element, ElementContent} from 'hast';
import {toString as textOf} from 'hast-util-to-string';
import {AlignmentType, Bookmark, BorderStyle, type FileChild, Paragraph, Table, TableCell, TableRow, TextRun, WidthType} from 'docx';
import {BLOCK} from '../shared/inline-runs.js';
import {classList, type InlineContext, runsOf} from './runs.js';
import {STYLE} from './styles.js';

/** What turning blocks into Word needs besides the inline context. */
export interface BlockContext extends InlineContext {
  /** A fresh instance of a list numbering (each list counts from its own start). */
  listNumbering(ordered: boolean, start: number): {reference: string; instance: number};
  /** Width of the text area, in twentieths of a point (a table's columns share it). */
  textWidth: number;
}

/** Paragraph styles of the lines huibian writes, by class. */
const CLASS_STYLES: Record<string, string> = {
  'article-title': STYLE.article,
  'article-subtitle': STYLE.articleSubtitle,
  'article-byline': STYLE.byline,
  'article-meta': STYLE.source,
  'book-title': STYLE.title,
  'book-subtitle': STYLE.subtitle,
  'book-author': STYLE.titleLine,
  'book-publisher': STYLE.titleLine,
  'book-year': STYLE.titleLine,
  'part-number': STYLE.partNumber,
  'part-title': STYLE.part,
  'apparatus-heading': STYLE.part,
  'chronology-heading': STYLE.entryHeading,
  'index-section-heading': STYLE.entryHeading,
  'index-letter': STYLE.entryHeading,
  subheading: STYLE.subheading,
};

/** Headings inside an article: `##` is a section (Heading 3 under the article's Heading 2). */
const HEADING_STYLES: Record<string, string> = {
  h1: STYLE.article,
  h2: STYLE.section,
  h3: STYLE.subsection,
  h4: STYLE.subsection,
  h5: STYLE.subsection,
  h6: STYLE.subsection,
};

/** Lists whose items are entries of the book's apparatus, not numbered or bulleted points. */
const ENTRY_LISTS = new Set(['chronology-list', 'index-list']);

/**
 * What stands after a part of a line that the print sets apart with margins: a tab to the
 * hanging indent after an entry's day or term, a wide space between an article's date and source.
 */
const SEPARATED: Record<string, string> = {'chronology-day': '\t', 'index-word': '\t', 'article-date': '\u3000'};

/** The blocks of `nodes`; `style` is the paragraph style of plain paragraphs (a quote's). */
export function blocksOf(nodes: ElementContent[], context: BlockContext, style?: string): FileChild[] {
  const out: FileChild[] = [];
  let inline: ElementContent[] = [];
  const flush = () => {
    if (inline.some((node) => node.type !== 'text' || node.value.trim())) out.push(paragraph(inline, context, style));
    inline = [];
  };
  for (const node of nodes) {
    if (node.type === 'element' && isBlock(node)) {
      flush();
      out.push(...blockOf(node, context, style));
    } else if (node.type === 'text' || node.type === 'element') inline.push(node);
  }
  flush();
  return out;
}

function blockOf(node: Element, context: BlockContext, style: string | undefined): FileChild[] {
  const classStyle = classList(node)
    .map((name) => CLASS_STYLES[name])
    .find(Boolean);
  switch (node.tagName) {
    case 'p':
      if (isLoneImage(node)) return [paragraph(node.children, context, STYLE.figure)];
      return [paragraph(node.children, context, classStyle ?? style, anchorOf(node))];
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return [paragraph(node.children, context, classStyle ?? HEADING_STYLES[node.tagName], anchorOf(node))];
    case 'blockquote':
      return blocksOf(node.children, context, STYLE.quote);
    case 'ul':
    case 'ol':
      return listOf(node, context, 0);
    case 'pre':
      return [new Paragraph({style: STYLE.code, children: runsOf(trimEnd(node.children), context, {}, true)})];
    case 'figure':
      return figureOf(node, context);
    case 'table':
      return [tableOf(node, context)];
    case 'hr':
      return [new Paragraph({style: STYLE.separator, children: [new TextRun('＊　＊　＊')]})];
    default:
      return blocksOf(node.children, context, style);
  }
}

/** A paragraph of inline content, with a bookmark when it is a place others link to. */
function paragraph(nodes: ElementContent[], context: BlockContext, style?: string, anchor?: string): Paragraph {
  const children = runsOf(separated(nodes), context);
  // A heading's anchor, which the contents, the chronology and the index link to.
  return new Paragraph({
    ...(style ? {style} : {}),
    children: anchor && children.length > 0 ? [new Bookmark({id: context.bookmark(anchor), children})] : children,
  });
}

/** `nodes` with {@link SEPARATED}'s separators after the parts followed by more, inside the chronology's links too. */
function separated(nodes: ElementContent[]): ElementContent[] {
  return nodes.flatMap((node, i): ElementContent[] => {
    if (node.type !== 'element') return [node];
    const separator = classList(node)
      .map((name) => SEPARATED[name])
      .find(Boolean);
    if (separator && i < nodes.length - 1) return [node, {type: 'text', value: separator}];
    if (node.tagName === 'a' && classList(node).includes('chronology-link')) return [{...node, children: separated(node.children)}];
    return [node];
  });
}

function listOf(list: Element, context: BlockContext, level: number): FileChild[] {
  const items = list.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li');
  if (classList(list).some((name) => ENTRY_LISTS.has(name))) {
    return items.map((item) => paragraph(item.children, context, STYLE.entry, anchorOf(item)));
  }
  const ordered = list.tagName === 'ol';
  const start = Number(list.properties.start ?? 1);
  const numbering = context.listNumbering(ordered, Number.isInteger(start) && start >= 0 ? start : 1);
  const out: FileChild[] = [];
  for (const item of items) {
    let numbered = false;
    let inline: ElementContent[] = [];
    const flush = () => {
      if (!inline.some((node) => node.type !== 'text' || node.value.trim())) return;
      const runs = runsOf(inline, context);
      out.push(
        new Paragraph({
          style: STYLE.list,
          // A second paragraph of an item stands under the first's text, without a number.
          ...(numbered
            ? {indent: {left: listIndent(level)}}
            : {numbering: {reference: numbering.reference, instance: numbering.instance, level: Math.min(level, 8)}}),
          children: runs,
        }),
      );
      numbered = true;
      inline = [];
    };
    for (const child of item.children) {
      if (child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol')) {
        flush();
        out.push(...listOf(child, context, level + 1));
      } else if (child.type === 'element' && child.tagName === 'p') {
        flush();
        inline = child.children;
        flush();
      } else if (child.type === 'element' && isBlock(child)) {
        flush();
        out.push(...blockOf(child, context, undefined));
      } else inline.push(child);
    }
    flush();
  }
  return out;
}

/** The left indent of a list's text at `level`: two characters a level, as the numbering sets it. */
export function listIndent(level: number): number {
  return 420 * (level + 1);
}

/** A figure: its picture(s) centred, kept with the caption under them. */
function figureOf(figure: Element, context: BlockContext): FileChild[] {
  const caption = figure.children.find((c): c is Element => c.type === 'element' && c.tagName === 'figcaption');
  const rest = figure.children.filter((c) => c !== caption);
  const pictures = blocksOf(rest, context, STYLE.figure);
  return caption ? [...pictures, new Paragraph({style: STYLE.caption, children: runsOf(caption.children, context)})] : pictures;
}

/** Rules of a 三线表, in eighths of a point: heavy top and bottom (1.2 pt), light under the header (0.5 pt). */
const HEAVY = {style: BorderStyle.SINGLE, size: 10, color: '000000'};
const LIGHT = {style: BorderStyle.SINGLE, size: 4, color: '000000'};
const NONE = {style: BorderStyle.NONE, size: 0, color: 'auto'};

function tableOf(table: Element, context: BlockContext): Table {
  const rows = rowsOf(table);
  const head = rows.filter((row) => row.head).length;
  const columns = Math.max(1, ...rows.map((row) => row.cells.length));
  const widths = columnWidths(rows, columns, context.textWidth);
  return new Table({
    width: {size: 5000, type: WidthType.PERCENTAGE},
    columnWidths: widths,
    borders: {top: HEAVY, bottom: HEAVY, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE},
    rows: rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: row.head,
          cantSplit: true,
          children: Array.from({length: columns}, (_, c) => {
            const cell = row.cells[c];
            const align = String(cell?.properties.align ?? (row.head ? 'center' : 'left'));
            return new TableCell({
              width: {size: widths[c]!, type: WidthType.DXA},
              ...(head > 0 && r === head - 1 ? {borders: {bottom: LIGHT}} : {}),
              children: [
                new Paragraph({
                  style: STYLE.table,
                  alignment: align === 'center' ? AlignmentType.CENTER : align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
                  children: cell ? runsOf(cell.children, context, row.head ? {style: 'Strong'} : {}) : [],
                }),
              ],
            });
          }),
        }),
    ),
  });
}

/** The rows of a table, head rows first as HTML orders them, each with its cells. */
function rowsOf(table: Element): Array<{head: boolean; cells: Element[]}> {
  const rows: Array<{head: boolean; cells: Element[]}> = [];
  const walk = (node: Element, head: boolean) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'tr') {
        const cells = child.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
        rows.push({head: head || (cells.length > 0 && cells.every((c) => c.tagName === 'th')), cells});
      } else walk(child, head || child.tagName === 'thead');
    }
  };
  walk(table, false);
  // A header row only at the top repeats on every page.
  let top = true;
  for (const row of rows) {
    top &&= row.head;
    row.head = top;
  }
  return rows;
}

/** Columns as wide as their longest cell asks (a Han character two, a Latin one), at least two characters each. */
function columnWidths(rows: Array<{cells: Element[]}>, columns: number, total: number): number[] {
  const want = Array.from({length: columns}, (_, c) =>
    Math.max(
      4,
      ...rows.map((row) =>
        [...textOf(row.cells[c] ?? {type: 'element', tagName: 'td', properties: {}, children: []})].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0),
      ),
    ),
  );
  // Long cells wrap: a column's claim grows slower than its text.
  const claims = want.map((w) => Math.sqrt(w));
  const sum = claims.reduce((a, b) => a + b, 0);
  return claims.map((claim) => Math.floor((total * claim) / sum));
}

function isBlock(node: Element): boolean {
  return BLOCK.has(node.tagName);
}

function isLoneImage(node: Element): boolean {
  const meaningful = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  return meaningful.length === 1 && meaningful[0]!.type === 'element' && meaningful[0]!.tagName === 'img';
}

function anchorOf(node: Element): string | undefined {
  return typeof node.properties.id === 'string' ? node.properties.id : undefined;
}

function trimEnd(nodes: ElementContent[]): ElementContent[] {
  const last = nodes.at(-1);
  if (last?.type !== 'text') return nodes;
  return [...nodes.slice(0, -1), {...last, value: last.value.replace(/\n+$/, '')}];
}
