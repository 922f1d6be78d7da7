import type {Parents, Root, Text} from 'mdast';
import {visit} from '../visit.js';
import {blockTexts} from '../block-texts.js';
import type {VFile} from 'vfile';
import {NORMALIZE_ROUNDS, normalizeEdits, normalizeText} from '../../typography/normalize.js';
import {applyEdits, type Edit} from '../../typography/punctuation.js';
import type {QuoteState} from '../../typography/quotes.js';
import {offsetToPoint, spelledAt, valueOffset} from '../source-places.js';

/** A change to the manuscript's source text, for `huibian check --fix`. */
export interface SourceFix {
  start: number;
  end: number;
  text: string;
}

declare module 'vfile' {
  interface DataMap {
    /** Source edits that would normalize the manuscript, found by {@link remarkCjkNormalize} in `report` mode. */
    fixes: SourceFix[];
  }
}

export interface Options {
  /** `fix` (build): change the text; `report` (check): leave it and say what would change. */
  mode?: 'fix' | 'report';
}

const RULE_TEXT: Record<Edit['rule'], string> = {
  punctuation: '中文里用了半角标点',
  ellipsis: '省略号应为“……”',
  dash: '破折号应为“——”',
  'middle-dot': '间隔号应为“·”',
  range: '数值范围应用浪纹线“～”',
  quotes: '直引号应为弯引号“”‘’',
  space: '汉字与字母、数字之间不要打空格（排版时自动留空）',
  'punctuation-space': '全角标点前后不要打空格',
};

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * Normalize the punctuation, quotes and spacing of Chinese copy (docs/typography.md rules 2, 3
 * and 8) in every paragraph, heading and table cell. Code, URLs and raw HTML are never touched;
 * a quotation running over several paragraphs of a block quote keeps its state.
 */
export default function remarkCjkNormalize(options?: Options) {
  const mode = options?.mode ?? 'fix';
  return (tree: Root, file: VFile): void => {
    const source = String(file.value);
    const fixes: SourceFix[] = [];
    let state: QuoteState = {open: false};
    let previousBlock: Parents | undefined;
    let previousParent: Parents | undefined;
    visit(tree, (node, _index, parent) => {
      if (!BLOCKS.has(node.type)) return;
      // Quotations carry over from paragraph to sibling paragraph only.
      const continues =
        node.type === 'paragraph' &&
        previousBlock?.type === 'paragraph' &&
        parent !== undefined &&
        (parent === previousParent || parent.children.includes(previousBlock as never));
      if (!continues) state = {open: false};
      previousBlock = node as Parents;
      previousParent = parent;
      const texts = blockTexts(node as Parents, {opaque: true});
      // In fix mode, repeat until stable: one change can give its neighbour a CJK context.
      // Straight quotes are all paired in the first round, which alone carries the quote state on.
      for (let round = 0; round < (mode === 'fix' ? NORMALIZE_ROUNDS : 1); round++) {
        if (!normalizeBlock(texts, round === 0 ? state : {...state}, mode, source, file, fixes)) break;
      }
    });
    normalizeMatter(file, mode, source, fixes);
    if (mode === 'report') file.data.fixes = fixes;
  };
}

/** Front matter that is printed (title, running heads, TOC, bookmarks, bylines): normalized as body copy is (rule 23). */
export const PRINTED_MATTER = ['title', 'subtitle', 'shortTitle', 'author', 'source'] as const;

/**
 * Normalize the printed front matter values, or report them: at the value's place in the
 * source where it is written there as it reads (a plain one-line YAML value), else at its key.
 */
function normalizeMatter(file: VFile, mode: 'fix' | 'report', source: string, fixes: SourceFix[]): void {
  const matter = file.data.matter;
  if (!matter) return;
  for (const key of PRINTED_MATTER) {
    const value = matter[key];
    if (value === undefined) continue;
    if (mode === 'fix') {
      matter[key] = normalizeText(value);
      continue;
    }
    const [edits] = normalizeEdits([value]);
    if (edits!.length === 0) continue;
    const keyPlace = file.data.matterLines?.[key];
    const offset = keyPlace ? valueOffset(source, keyPlace.line, value) : undefined;
    for (const edit of edits!) report(file, fixes, edit, value, offset === undefined ? keyPlace : {source, offset});
  }
}

/** One pass over a block's texts; returns whether anything was (or would be) changed. */
function normalizeBlock(texts: Text[], state: QuoteState, mode: 'fix' | 'report', source: string, file: VFile, fixes: SourceFix[]): boolean {
  const edits = normalizeEdits(
    texts.map((t) => t.value),
    state,
  );
  let changed = false;
  texts.forEach((text, i) => {
    const all = edits[i]!;
    if (all.length === 0) return;
    changed = true;
    if (mode === 'fix') {
      text.value = applyEdits(text.value, all);
      return;
    }
    // Report at the right place; fix only where the source spells the text as it reads (no escapes).
    const offset = spelledAt(source, text, text.value, {whole: true});
    for (const edit of all) report(file, fixes, edit, text.value, offset === undefined ? text.position?.start : {source, offset});
  });
  return changed;
}

/**
 * Say what `edit` of `value` changes, at its place: a source offset where `value` stands
 * verbatim in the source (then `check --fix` can apply it), else the start of its node.
 */
function report(
  file: VFile,
  fixes: SourceFix[],
  edit: Edit,
  value: string,
  where: {source: string; offset: number} | {line: number; column: number} | undefined,
): void {
  const exact = where !== undefined && 'source' in where;
  file.message(`${RULE_TEXT[edit.rule]}：“${value.slice(edit.start, edit.end)}”应为“${edit.text}”`, {
    place: exact ? offsetToPoint(where.source, where.offset + edit.start) : where,
    ruleId: edit.rule,
    source: 'huibian',
  });
  if (exact) fixes.push({start: where.offset + edit.start, end: where.offset + edit.end, text: edit.text});
}
