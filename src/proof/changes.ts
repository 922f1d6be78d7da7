/**
 * What changed between two rounds of proofs: each article's text compared character by
 * character (Chinese has no spaces to compare words by), each change placed at the page and
 * line where it now stands; the articles added, removed or moved to other pages; and the
 * numbers of the contents, chronology and index that changed. An article whose text is the
 * same has no changes, wherever its pages went.
 */
import {diffChars} from 'diff';
import type {ProofData} from './proof-data.js';
import {squash} from './proof-data.js';

/** One change, where it stands in the new proof. */
interface Change {
  /** 0-based page of the new proof, its printed number, and the 1-based line there. */
  page: number;
  label: string;
  line: number;
  removed: string;
  added: string;
  /** What stands just before and after it now. */
  before: string;
  after: string;
}

/** An article as the list names it. */
interface Named {
  file: string;
  title: string;
}

export interface ProofChanges {
  /** The round compared against. */
  against: {round: number; built: string};
  articles: Array<Named & {changes: Change[]}>;
  added: Array<Named & {label: string}>;
  removed: Array<Named & {label: string}>;
  /** Articles that open on another page; `later`: on a page after the old one. */
  moved: Array<Named & {from: string; to: string; later: boolean}>;
  entries: Array<{kind: ProofData['entries'][number]['kind']; text: string; from: string; to: string}>;
  /** 0-based page → the 1-based lines there that changed. */
  bars: Map<number, Set<number>>;
}

/** One article's text in reading order, and where each printed line of it begins and ends in it. */
interface Stream {
  text: string;
  lines: Array<{page: number; n: number; start: number; end: number}>;
}

/** Each article's body and notes (by manuscript), as the proof printed them. */
function streamsOf(data: ProofData): Map<string, {text: Stream; note: Stream}> {
  const streams = new Map<string, {text: Stream; note: Stream}>();
  data.pages.forEach((page, p) => {
    for (const line of page.lines) {
      if (!line.article) continue;
      if (!streams.has(line.article)) streams.set(line.article, {text: {text: '', lines: []}, note: {text: '', lines: []}});
      const stream = streams.get(line.article)![line.kind];
      const start = stream.text.length;
      stream.text += squash(line.text);
      stream.lines.push({page: p, n: line.n, start, end: stream.text.length});
    }
  });
  return streams;
}

/** Compare the proof `now` with the earlier one `before`. */
export function compareProofs(before: ProofData, now: ProofData): ProofChanges {
  const [old, current] = [streamsOf(before), streamsOf(now)];
  const result: ProofChanges = {
    against: {round: before.round, built: before.built},
    articles: [],
    added: [],
    removed: [],
    moved: [],
    entries: [],
    bars: new Map(),
  };
  const oldArticles = new Map(before.articles.map((a) => [a.file, a]));
  const newArticles = new Map(now.articles.map((a) => [a.file, a]));
  for (const article of now.articles) {
    const was = oldArticles.get(article.file);
    if (!was) {
      result.added.push({file: article.file, title: article.title, label: article.label});
      continue;
    }
    if (was.label !== article.label)
      result.moved.push({file: article.file, title: article.title, from: was.label, to: article.label, later: article.page > was.page});
    const changes: Change[] = [];
    for (const kind of ['text', 'note'] as const) {
      const a = old.get(article.file)?.[kind] ?? {text: '', lines: []};
      const b = current.get(article.file)?.[kind] ?? {text: '', lines: []};
      if (a.text !== b.text) changes.push(...changesBetween(a.text, b, now, result.bars));
    }
    if (changes.length > 0)
      result.articles.push({file: article.file, title: article.title, changes: changes.sort((x, y) => x.page - y.page || x.line - y.line)});
  }
  for (const article of before.articles) {
    if (!newArticles.has(article.file)) result.removed.push({file: article.file, title: article.title, label: article.label});
  }
  // The contents' lines of the articles that moved say nothing the list of moved articles does not.
  const movedTitles = new Set(result.moved.map((m) => m.title));
  const oldEntries = new Map(before.entries.map((e) => [`${e.kind}\u0000${e.text}`, e.pages]));
  for (const entry of now.entries) {
    const was = oldEntries.get(`${entry.kind}\u0000${entry.text}`);
    if (was === undefined || was === entry.pages || (entry.kind === 'toc' && movedTitles.has(entry.text))) continue;
    result.entries.push({kind: entry.kind, text: entry.text, from: was, to: entry.pages});
  }
  return result;
}

/**
 * The changes from `old` to the stream `now`, each at the line where it begins, and the bars
 * for every line it touches. A hyphen that came or went at a line's end is no change: the
 * line pass breaks a long word with one where it needs to.
 */
function changesBetween(old: string, now: Stream, data: ProofData, bars: ProofChanges['bars']): Change[] {
  const changes: Change[] = [];
  let [inOld, inNew] = [0, 0];
  let open: {oldStart: number; newStart: number} | undefined;
  const close = () => {
    if (!open) return;
    const change = trimmed(old, now.text, open.oldStart, inOld, open.newStart, inNew);
    open = undefined;
    if (!change || /^[-‐]*$/.test(change.removed + change.added)) return;
    // Text taken out is marked on the line that now stands where it was (the one it ended, at the very end).
    const at = change.newStart;
    const touched =
      change.newStart === change.newEnd
        ? [now.lines.find((l) => l.start <= at && at < l.end) ?? now.lines.findLast((l) => l.end === at)].filter((l) => l !== undefined)
        : now.lines.filter((l) => l.start < change.newEnd && l.end > change.newStart);
    const first = touched[0];
    if (!first) return;
    for (const line of touched) {
      if (!bars.has(line.page)) bars.set(line.page, new Set());
      bars.get(line.page)!.add(line.n);
    }
    changes.push({
      page: first.page,
      label: data.pages[first.page]!.label,
      line: first.n,
      removed: change.removed,
      added: change.added,
      before: now.text.slice(Math.max(0, change.newStart - 8), change.newStart),
      after: now.text.slice(change.newEnd, change.newEnd + 8),
    });
  };
  for (const part of diffChars(old, now.text)) {
    const length = part.value.length;
    if (!part.added && !part.removed) {
      // Up to three characters the same between two changes do not part them: 应比从头开始
      // 轻松得多 → 会比从零开始容易许多 is one change, not three.
      if (!open || length > 3) close();
      inOld += length;
      inNew += length;
      continue;
    }
    open ??= {oldStart: inOld, newStart: inNew};
    if (part.removed) inOld += length;
    else inNew += length;
  }
  close();
  return changes;
}

/** Where a sentence or clause ends: text taken out or put in is best read as ending there. */
const CLAUSE_END = /[。！？；，、：”’）」』】…—\n]/;

/**
 * A change with what its two sides share at either end left out (what merging kept in it).
 * Text only taken out or only put in could as well stand a few characters earlier or later
 * (第一句。第二句。第三句。 less 二句。第 or less 第二句。): it is moved to end at a clause's end
 * where it can, as a reader would mark it.
 */
function trimmed(old: string, now: string, oldStart: number, oldEnd: number, newStart: number, newEnd: number) {
  while (oldStart < oldEnd && newStart < newEnd && old[oldEnd - 1] === now[newEnd - 1]) [oldEnd, newEnd] = [oldEnd - 1, newEnd - 1];
  while (oldStart < oldEnd && newStart < newEnd && old[oldStart] === now[newStart]) [oldStart, newStart] = [oldStart + 1, newStart + 1];
  if (oldStart === oldEnd && newStart === newEnd) return undefined;
  if (oldStart === oldEnd || newStart === newEnd) {
    // The side that has the text, and the text it stands in.
    const [text, start, end] = oldStart === oldEnd ? [now, newStart, newEnd] : [old, oldStart, oldEnd];
    let shift = 0;
    while (start + shift > 0 && text[start + shift - 1] === text[end + shift - 1]) shift -= 1;
    let best: number | undefined;
    for (; end + shift <= text.length; shift += 1) {
      if (CLAUSE_END.test(text[end + shift - 1] ?? '')) best ??= shift;
      if (text[start + shift] !== text[end + shift]) break;
    }
    if (best !== undefined) [oldStart, oldEnd, newStart, newEnd] = [oldStart + best, oldEnd + best, newStart + best, newEnd + best];
  }
  return {removed: old.slice(oldStart, oldEnd), added: now.slice(newStart, newEnd), newStart, newEnd};
}

/** `改动 3 篇 7 处；12 篇页码后移`: what the terminal says of a round. */
export function changeSummary(changes: ProofChanges): string {
  const count = changes.articles.reduce((n, a) => n + a.changes.length, 0);
  const later = changes.moved.filter((m) => m.later).length;
  const earlier = changes.moved.length - later;
  const parts = [count > 0 ? `改动 ${changes.articles.length} 篇 ${count} 处` : '正文没有改动'];
  const moved = [later > 0 ? `${later} 篇页码后移` : '', earlier > 0 ? `${earlier} 篇页码前移` : ''].filter(Boolean).join('，');
  if (moved) parts.push(moved);
  if (changes.added.length > 0) parts.push(`新增 ${changes.added.length} 篇`);
  if (changes.removed.length > 0) parts.push(`删去 ${changes.removed.length} 篇`);
  return parts.join('；');
}
