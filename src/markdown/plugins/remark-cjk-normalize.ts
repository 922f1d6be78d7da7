import type {Parents, Root, Text} from 'mdast';
import {visit} from 'unist-util-visit';
import {blockTexts} from '../block-texts.js';
import type {VFile} from 'vfile';
import {applyEdits, punctuationEdits, type Edit} from '../../typography/punctuation.js';
import {quoteEdits, type QuoteState} from '../../typography/quotes.js';
import {spaceEdits} from '../../typography/spacing.js';

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
  quotes: '直引号应为弯引号“”‘’',
  space: '汉字与字母、数字之间不要打空格（排版时自动留空）',
};

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * Normalize the punctuation, quotes and spacing of Chinese copy (CJK-TYPOGRAPHY rules 2, 3
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
    visit(tree, (node, _index, parent) => {
      if (!BLOCKS.has(node.type)) return;
      // Quotations carry over from paragraph to sibling paragraph only.
      if (!(node.type === 'paragraph' && previousBlock?.type === 'paragraph' && parent?.children.includes(previousBlock as never))) state = {open: false};
      previousBlock = node as Parents;
      const texts = blockTexts(node as Parents);
      // In fix mode, repeat until stable: one change can give its neighbour a CJK context.
      // Straight quotes are all paired in the first round, which alone carries the quote state on.
      for (let round = 0; round < (mode === 'fix' ? 5 : 1); round++) {
        if (!normalizeBlock(texts, round === 0 ? state : {...state}, mode, source, file, fixes)) break;
      }
    });
    if (mode === 'report') file.data.fixes = fixes;
  };
}

/** One pass over a block's texts; returns whether anything was (or would be) changed. */
function normalizeBlock(texts: Text[], state: QuoteState, mode: 'fix' | 'report', source: string, file: VFile, fixes: SourceFix[]): boolean {
  const values = texts.map((t) => t.value);
  const edits = values.map((value, i) => {
    const context = {before: values.slice(0, i).join('') || undefined, after: values.slice(i + 1).join('') || undefined};
    return dropOverlaps([...punctuationEdits(value, context), ...spaceEdits(value, context)]);
  });
  const quotes = quoteEdits(values, state);
  let changed = false;
  texts.forEach((text, i) => {
    const all = dropOverlaps([...edits[i]!, ...quotes[i]!]);
    if (all.length === 0) return;
    changed = true;
    if (mode === 'fix') {
      text.value = applyEdits(text.value, all);
      return;
    }
    const start = text.position?.start.offset;
    const end = text.position?.end.offset;
    // Report at the right place; fix only where the source spells the text as it reads (no escapes).
    const exact = start !== undefined && end !== undefined && source.slice(start, end) === text.value;
    for (const edit of all) {
      const place = exact ? offsetToPoint(source, start + edit.start) : text.position?.start;
      file.message(`${RULE_TEXT[edit.rule]}：“${text.value.slice(edit.start, edit.end)}”应为“${edit.text}”`, {
        place,
        ruleId: edit.rule,
        source: 'huibian',
      });
      if (exact) fixes.push({start: start + edit.start, end: start + edit.end, text: edit.text});
    }
  });
  return changed;
}

function dropOverlaps(edits: Edit[]): Edit[] {
  const kept: Edit[] = [];
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    const last = kept.at(-1);
    if (!last || edit.start >= last.end) kept.push(edit);
  }
  return kept;
}

function offsetToPoint(source: string, offset: number): {line: number; column: number} {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return {line, column: offset - before.lastIndexOf('\n')};
}
