/**
 * The lines a finished PDF prints, page by page, read back with pdf.js: their text, their box
 * and what they are — text, a note, or page furniture (running heads and folios, outside the
 * structure as artifacts). Lines of a vertical book are its columns, right to left. This is
 * what a proof numbers and compares: the book as it printed, not as it was meant to.
 */

import {readPdfPages} from './text-check.js';

/** `[left, bottom, right, top]` in PDF points, the origin at the page's lower left. */
export type Box = [number, number, number, number];

interface PrintedLine {
  text: string;
  box: Box;
  kind: 'text' | 'note' | 'furniture';
}

export interface PrintedPage {
  width: number;
  height: number;
  /** In reading order: top to bottom, or in a vertical book right to left. */
  lines: PrintedLine[];
}

/** A run of text as pdf.js gives it, with what it belongs to. */
interface Run {
  text: string;
  box: Box;
  size: number;
  kind: PrintedLine['kind'];
}

/** An annotation (ruby, emphasis dots) is set at most this size of the text beside it. */
const ANNOTATION = 0.62;

/** Read every page's lines; `vertical`: the book is set in columns, right to left. */
export async function printedLines(bytes: Uint8Array, vertical: boolean): Promise<PrintedPage[]> {
  return readPdfPages(bytes, async (page) => {
    const [x0, y0, x1, y1] = page.view as Box;
    const notes = noteContents(await page.getStructTree());
    const content = await page.getTextContent({includeMarkedContent: true});
    const runs: Run[] = [];
    const open: string[] = [];
    let tagged = false;
    for (const item of content.items) {
      if ('type' in item) {
        if (item.type === 'endMarkedContent') open.pop();
        else {
          tagged = true;
          open.push((item as {tag?: string}).tag === 'Artifact' ? 'furniture' : item.id && notes.has(item.id) ? 'note' : (open.at(-1) ?? 'text'));
        }
        continue;
      }
      if (item.str === '') continue;
      runs.push({
        text: item.str,
        box: boxOf(item.transform as number[], item.width, item.height),
        size: Math.hypot(item.transform[2], item.transform[3]),
        kind: (open.at(-1) ?? 'text') as Run['kind'],
      });
    }
    const geometry = {width: x1 - x0, height: y1 - y0};
    return {...geometry, lines: linesOf(tagged ? runs : guessFurniture(runs, geometry, vertical), vertical)};
  });
}

/** The marked contents (by pdf.js's id) inside a Note of the page's structure. */
function noteContents(tree: unknown): Set<string> {
  const found = new Set<string>();
  const walk = (node: {role?: string; type?: string; id?: string; children?: unknown[]} | null, inNote: boolean) => {
    if (!node) return;
    if (node.type === 'content' && node.id && inNote) found.add(node.id);
    for (const child of node.children ?? []) walk(child as typeof node, inNote || node.role === 'Note');
  };
  walk(tree as Parameters<typeof walk>[0], false);
  return found;
}

/** The box a run covers: along its direction by its width, across as an ideographic em box: an eighth below the baseline to seven eighths above. */
function boxOf([a, b, c, d, e, f]: number[], width: number, height: number): Box {
  const along = Math.hypot(a!, b!) || 1;
  const across = Math.hypot(c!, d!) || 1;
  const up = height || across;
  const xs: number[] = [];
  const ys: number[] = [];
  for (const t of [0, width]) {
    for (const s of [-0.12 * up, 0.88 * up]) {
      xs.push(e! + (t * a!) / along + (s * c!) / across);
      ys.push(f! + (t * b!) / along + (s * d!) / across);
    }
  }
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/**
 * Group runs into lines: a run joins the line it shares much of its extent with, across the line's
 * direction (its height, or in vertical books the column's width): a raised note call does,
 * and so do the two digits of 30 set side by side in a column. Ruby and emphasis dots, set
 * small beside a line, are not lines of their own and are left out.
 */
function linesOf(runs: Run[], vertical: boolean): PrintedLine[] {
  // Across the line: [low, high].
  const span = (box: Box): [number, number] => (vertical ? [box[0], box[2]] : [box[1], box[3]]);
  const across = (box: Box) => (span(box)[0] + span(box)[1]) / 2;
  type Group = {runs: Run[]; low: number; high: number};
  const shares = (p: Pick<Group, 'low' | 'high'>, q: Pick<Group, 'low' | 'high'>) =>
    Math.min(p.high, q.high) - Math.max(p.low, q.low) >= 0.4 * Math.min(p.high - p.low, q.high - q.low);
  const groups: Group[] = [];
  // Each kind apart: a running head in a vertical book's head margin stands across its columns.
  for (const kind of ['text', 'note', 'furniture'] as const) {
    const own: Group[] = [];
    // Top to bottom, or right to left; a run joins the line before it, or starts one.
    for (const run of runs.filter((r) => r.kind === kind).sort((p, q) => across(q.box) - across(p.box))) {
      const [low, high] = span(run.box);
      const last = own.at(-1);
      if (last && shares(last, {low, high})) {
        last.runs.push(run);
        [last.low, last.high] = [Math.min(last.low, low), Math.max(last.high, high)];
      } else own.push({runs: [run], low, high});
    }
    // A narrow run (a digit of 24 set upright in a column) can start a line the column's next
    // run, narrower still, did not join: lines that share their extent are one.
    for (const group of own) {
      const last = groups.at(-1);
      if (last && last.runs[0]!.kind === kind && shares(last, group)) {
        last.runs.push(...group.runs);
        [last.low, last.high] = [Math.min(last.low, group.low), Math.max(last.high, group.high)];
      } else groups.push(group);
    }
  }
  groups.sort((p, q) => q.high + q.low - (p.high + p.low));
  return kept(
    groups.map((group) => group.runs),
    across,
  ).map((group) => {
    // Along the line; in a column, what stands level (the digits of 30) reads left to right.
    const inOrder = group.sort((p, q) => (vertical ? (Math.abs(p.box[3] - q.box[3]) > 1 ? q.box[3] - p.box[3] : p.box[0] - q.box[0]) : p.box[0] - q.box[0]));
    // What is drawn: white space (a contents line's leader is spaces, clipped at the page's edge) takes no room.
    const inked = group.filter((r) => r.text.trim());
    return {
      text: inOrder.map((r) => r.text).join(''),
      box: [
        Math.min(...inked.map((r) => r.box[0])),
        Math.min(...inked.map((r) => r.box[1])),
        Math.max(...inked.map((r) => r.box[2])),
        Math.max(...inked.map((r) => r.box[3])),
      ],
      kind: group[0]!.kind,
    };
  });
}

/** The lines that are lines: not white space alone, nor an annotation set small beside a line. */
function kept(groups: Run[][], across: (box: Box) => number): Run[][] {
  const sizeOf = (group: Run[]) => Math.max(...group.filter((r) => r.text.trim()).map((r) => r.size), 0);
  return groups.filter((group, i) => {
    if (group.every((r) => !r.text.trim())) return false;
    const size = sizeOf(group);
    const beside = [groups[i - 1], groups[i + 1]].filter((other) => other && Math.abs(across(other[0]!.box) - across(group[0]!.box)) <= 1.2 * sizeOf(other));
    return !beside.some((other) => size < ANNOTATION * sizeOf(other!));
  });
}

/**
 * Without marked content (a PDF printed without structure), running heads and folios are told
 * by where they stand: wholly in the outer tenth of the page at its head or foot (horizontal
 * books), or at its head, foot or either side (vertical books, whose heads run down the side).
 */
function guessFurniture(runs: Run[], {width, height}: {width: number; height: number}, vertical: boolean): Run[] {
  const edge = (box: Box) => box[1] > 0.9 * height || box[3] < 0.1 * height || (vertical && (box[0] > 0.9 * width || box[2] < 0.1 * width));
  return runs.map((run) => (edge(run.box) ? {...run, kind: 'furniture'} : run));
}
