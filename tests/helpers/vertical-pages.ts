/**
 * The columns of vertical (竖排) A5 pages, from the glyphs `readPageLines` measures, and the
 * page fill measure of issue 21: a page of a section that goes on overleaf is full.
 */
import type {LineChar, PageLine} from './page-lines.js';

const MM = 72 / 25.4;
/** A5 in points. */
const PAGE = {width: 420, height: 595};

/** A column of a vertical page (or of one of its bands). */
export interface Column {
  centre: number;
  /** Its largest character's em: a heading's, where one stands alone in its column. */
  em: number;
  /** Set mostly in bold: a heading of the body's size (a TOC's part line). */
  bold: boolean;
  /** Its first character's head, in points from the page's top. */
  top: number;
  text: string;
}

/** The columns of one page. `page` is 0-based. */
export interface PageColumns {
  page: number;
  columns: Column[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/**
 * The columns of a vertical page's text area, right to left: characters whose centres lie
 * within a third of an em. With `bands`, the upper half's columns and then the lower half's
 * (an index's two bands). The text area is 18 mm from the top and bottom
 * (templates/pages-vertical.css): running heads and folios lie outside it.
 */
function columnsOf(lines: PageLine[], bands = false): Column[] {
  const chars = lines
    .filter((line) => line.flow === 'vertical')
    .flatMap((line) => line.chars)
    .filter((ch) => ch.lead >= 18 * MM - 1 && ch.trail <= PAGE.height - 18 * MM + 1);
  const upper = (ch: LineChar) => ch.lead < PAGE.height / 2;
  const groups = bands ? [chars.filter(upper), chars.filter((ch) => !upper(ch))] : [chars];
  return groups.flatMap((group) => {
    const columns: LineChar[][] = [];
    for (const ch of [...group].sort((a, b) => b.cross - a.cross)) {
      const column = columns.at(-1);
      if (column && column[0]!.cross - ch.cross <= ch.size / 3) column.push(ch);
      else columns.push([ch]);
    }
    return columns.map((column) => {
      const sorted = column.sort((a, b) => a.lead - b.lead);
      return {
        centre: median(column.map((ch) => ch.cross)),
        em: Math.max(...column.map((ch) => ch.size)),
        bold: column.filter((ch) => ch.bold).length * 2 > column.length,
        top: sorted[0]!.lead,
        text: sorted.map((ch) => ch.c).join(''),
      };
    });
  });
}

/** Every page's columns (see {@link columnsOf}), one list per page of the document. */
export function pageColumns(lines: PageLine[], bands = false): Column[][] {
  const count = Math.max(0, ...lines.map((line) => line.page));
  const byPage: PageLine[][] = Array.from({length: count}, () => []);
  for (const line of lines) byPage[line.page - 1]!.push(line);
  return byPage.map((page) => columnsOf(page, bands));
}

/**
 * The distance between neighbouring lines: the lower quartile of the distances between
 * neighbouring columns (the space before a heading makes the others larger).
 */
export function pitchOf(columns: Column[]): number {
  const distances = columns.slice(1).map((column, i) => columns[i]!.centre - column.centre);
  return [...distances].sort((a, b) => a - b)[distances.length >> 2]!;
}

/**
 * Where a vertical page's text area begins (right) and ends (left), `page` 0-based: a recto
 * (odd page) has 18 mm at the spine on its right and 15 mm at the outer edge, a verso the
 * other way round (templates/pages-vertical.css).
 */
const isRecto = (page: number) => page % 2 === 0;
const startEdge = (page: number) => PAGE.width - (isRecto(page) ? 18 : 15) * MM;
const endEdge = (page: number) => (isRecto(page) ? 15 : 18) * MM;

/** The pages of the section `title` opens: from its bookmark to the next bookmark's page, blank pages left out. */
export function sectionPages(pages: Column[][], bookmarks: Map<string, number>, title: string): PageColumns[] {
  const start = bookmarks.get(title)!;
  const end = Math.min(...[...bookmarks.values(), pages.length].filter((page) => page > start));
  return pages.slice(start, end).flatMap((columns, i) => (columns.length > 0 ? [{page: start + i, columns}] : []));
}

/**
 * The pages of a section that end early, as `page N: room R pt, line L pt`: a page that goes
 * on overleaf must leave, left of its last line, less than one more line; or, where the next
 * page opens with a heading kept with its first line (larger, or bold as a TOC's part line), less than that pair and the heading's
 * space before it (at most 2 em of the heading; truncated at the head of a page, so not seen).
 */
export function earlyEnds(section: PageColumns[]): string[] {
  return section.slice(0, -1).flatMap(({page, columns}, i) => {
    const pitch = pitchOf(columns);
    const room = columns.at(-1)!.centre - pitch / 2 - endEdge(page);
    const next = section[i + 1]!;
    const body = median(next.columns.map((column) => column.em));
    const first = next.columns.findIndex((column) => column.em <= body && !column.bold);
    const opening = first > 0 ? startEdge(next.page) - (next.columns[first]!.centre - pitch / 2) + 2 * next.columns[0]!.em : 0;
    return room < Math.max(pitch, opening) ? [] : [`page ${page + 1}: room ${room.toFixed(1)} pt, line ${pitch.toFixed(1)} pt`];
  });
}
