/**
 * The marks a proof lays over each page of the book (templates/proof.css): the head line
 * (校样 第2次 · 《书名》 · when), a number beside every line — in the outer margin, or in a
 * vertical book under each column in the foot margin —, a bar beside each changed line, and
 * the manuscript's path beside the line where an article opens. Everything is placed from the
 * lines read back off the printed page, so it stands where the text is, whatever the templates.
 */
import type {Element, Root} from 'hast';
import {h} from 'hastscript';
import rehypeStringify from 'rehype-stringify';
import {unified} from 'unified';
import type {BookMeta} from '../model/book.js';
import type {Box, PrintedPage} from '../render/pdf/printed-lines.js';
import type {ProofData} from './proof-data.js';

/** Where the text area's edges are on the pages of each side (in points from the left, or from the foot). */
interface TextEdges {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A length in points, as the marks' inline styles give it. */
const pt = (n: number) => `${n.toFixed(2)}pt`;

/** When a proof was made, to the minute, in local time: 2026-12-07 22:41. */
export function madeAt(iso: string): string {
  const date = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** The proof's head line: 校样 第2次 · 《书名》 · 2026-12-07 22:41. */
export function proofHead(data: Pick<ProofData, 'round' | 'title' | 'built'>): string {
  return `校样 第${data.round}次 · 《${data.title}》 · ${madeAt(data.built)}`;
}

/** The marks document: one sheet per page of the book, to be laid over it. */
export function marksDocument(meta: BookMeta, pages: PrintedPage[], data: ProofData, bars: Map<number, Set<number>>, stylesheets: string[]): string {
  const vertical = meta.writingMode === 'vertical';
  const edges = [0, 1].map((side) =>
    textEdges(
      pages.filter((_, p) => p % 2 === side),
      vertical,
    ),
  );
  const headTop = medianTop(pages, edges);
  const head = proofHead(data);
  const openings = new Map<number, string[]>();
  for (const article of data.articles) openings.set(article.page, [...(openings.get(article.page) ?? []), article.file]);
  const sheets = pages.map((page, p) => {
    const edge = edges[p % 2]!;
    const recto = p % 2 === 0;
    const changed = bars.get(p) ?? new Set<number>();
    const numbered = page.lines.filter((line) => line.kind !== 'furniture');
    const marks: Element[] = [];
    // The head line, on the running head's line, on the side the running head leaves free
    // (without one, the inner side: a running head stands on the outer).
    const running = union(page.lines.filter((line) => line.kind === 'furniture' && line.box[1] > edge.top).map((line) => line.box));
    const runningLeft = running ? (running[0] + running[2]) / 2 < page.width / 2 : !recto === !vertical;
    const room = Math.max(edge.right - edge.left - (running ? running[2] - running[0] + 12 : 0), 60);
    marks.push(
      h(
        'p.proof-head',
        {
          style: `top: ${pt(page.height - (running?.[3] ?? headTop))}; ${runningLeft ? `right: ${pt(page.width - edge.right)}` : `left: ${pt(edge.left)}`}; max-width: ${pt(room)}`,
        },
        head,
      ),
    );
    // The outer edge of the text: the side's, or this page's where a line (a wide table) reaches
    // past it; never so near the page's edge that a number would leave the page (the browser
    // would then shrink the whole document to fit it).
    const outer = recto
      ? Math.min(Math.max(edge.right, ...numbered.map((l) => l.box[2])), page.width - 16)
      : Math.max(Math.min(edge.left, ...numbered.map((l) => l.box[0])), 16);
    // A vertical book's numbers stand on one line under the lowest column's foot.
    const foot = Math.min(edge.bottom, ...numbered.map((l) => l.box[1]));
    numbered.forEach((line, i) => {
      const n = i + 1;
      const isChanged = changed.has(n);
      const [x0, y0, x1, y1] = line.box;
      if (vertical) {
        const middle = (x0 + x1) / 2;
        marks.push(
          h(
            `p.proof-n${isChanged ? '.changed' : ''}`,
            {style: `top: ${pt(page.height - foot + 7)}; left: ${pt(middle - 6)}; width: 12pt; text-align: center`},
            String(n),
          ),
        );
        if (isChanged) marks.push(h('p.proof-bar', {style: `top: ${pt(page.height - foot + 2.5)}; left: ${pt(x0)}; width: ${pt(x1 - x0)}; height: 1.4pt`}));
        return;
      }
      const middle = page.height - (y0 + y1) / 2;
      // The outer margin: right on a recto, left on a verso.
      // Clear of a line-end mark set at half width, whose full advance still reaches past the edge.
      const side = recto ? `left: ${pt(outer + 8)}` : `right: ${pt(page.width - outer + 8)}`;
      marks.push(h(`p.proof-n${isChanged ? '.changed' : ''}`, {style: `top: ${pt(middle - 2.75)}; ${side}`}, String(n)));
      if (isChanged) {
        const bar = recto ? outer + 3.2 : outer - 4.6;
        marks.push(h('p.proof-bar', {style: `top: ${pt(page.height - y1)}; left: ${pt(bar)}; width: 1.4pt; height: ${pt(y1 - y0)}`}));
      }
    });
    // Where articles open: their manuscripts, beside the opening line in the inner margin (vertical: over the column).
    for (const file of openings.get(p) ?? []) {
      const line = numbered.find((_, i) => data.pages[p]!.lines[i]?.article === file);
      if (!line) continue;
      marks.push(fileMark(file, line.box, page, edge, recto, vertical));
    }
    return h('div.sheet.proof-sheet', marks);
  });
  const tree: Root = h(null, [
    {type: 'doctype'},
    h('html', {lang: meta.language}, [
      h('head', [h('meta', {charSet: 'utf-8'}), ...stylesheets.map((href) => h('link', {rel: 'stylesheet', href}))]),
      h('body', sheets),
    ]),
  ]);
  return unified().use(rehypeStringify).stringify(tree);
}

/** The manuscript's path where an article opens. */
function fileMark(file: string, [, , x1, y1]: Box, page: PrintedPage, edge: TextEdges, recto: boolean, vertical: boolean): Element {
  if (vertical) {
    return h(
      'p.proof-file',
      {style: `top: ${pt(page.height - y1 - 9)}; right: ${pt(page.width - x1)}; width: ${pt(Math.min(x1 - edge.left, 160))}; text-align: right`},
      file,
    );
  }
  // In the inner margin (left on a recto, right on a verso), down from the line's top: a path
  // is longer than a margin is wide.
  const side = recto ? `right: ${pt(page.width - edge.left + 6)}` : `left: ${pt(edge.right + 6)}`;
  return h('p.proof-file.down', {style: `top: ${pt(page.height - y1)}; ${side}`}, file);
}

/** The box around boxes (none: none). */
function union(boxes: Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  return [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
}

/**
 * The text area of pages of one side: where most lines (columns) of text start and end (the
 * full, justified ones), and across them the outermost text.
 */
function textEdges(pages: PrintedPage[], vertical: boolean): TextEdges {
  const lines = pages.flatMap((page) => page.lines.filter((line) => line.kind !== 'furniture'));
  if (lines.length === 0) return {left: 0, right: 0, top: 0, bottom: 0};
  const most = (values: number[]) => {
    const counts = new Map<number, number>();
    for (const v of values.map(Math.round)) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  };
  const outer = {
    left: Math.min(...lines.map((l) => l.box[0])),
    right: Math.max(...lines.map((l) => l.box[2])),
    top: Math.max(...lines.map((l) => l.box[3])),
    bottom: Math.min(...lines.map((l) => l.box[1])),
  };
  return vertical
    ? {...outer, top: most(lines.map((l) => l.box[3])), bottom: most(lines.map((l) => l.box[1]))}
    : {...outer, left: most(lines.map((l) => l.box[0])), right: most(lines.map((l) => l.box[2]))};
}

/** Where running heads stand (their tops, in points from the foot), for pages without one; else midway in the head margin. */
function medianTop(pages: PrintedPage[], edges: TextEdges[]): number {
  const tops = pages
    .flatMap((page, p) => page.lines.filter((line) => line.kind === 'furniture' && line.box[1] > edges[p % 2]!.top).map((line) => line.box[3]))
    .sort((a, b) => a - b);
  if (tops.length > 0) return tops[Math.floor(tops.length / 2)]!;
  const height = pages[0]?.height ?? 0;
  return height - (height - Math.max(edges[0]!.top, edges[1]!.top)) / 2;
}
