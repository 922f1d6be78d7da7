import type {Parents, Root, Text} from 'mdast';
import {visit} from '../visit.js';
import {blockTexts} from '../block-texts.js';
import type {VFile} from 'vfile';
import {unpairedMarks} from '../../typography/brackets.js';

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * Report brackets and quotes without a partner, per paragraph, heading or table cell. A
 * quotation left open at the end of a paragraph is fine when the next paragraph opens it
 * again (a quotation over several paragraphs, GB/T 15834 §4.1.3.3). Active with `enabled`.
 */
export default function remarkLintBrackets(options?: {enabled?: boolean}) {
  return (tree: Root, file: VFile): void => {
    // Only `huibian check` lints; a build does not repeat its findings.
    if (!options?.enabled) return;
    visit(tree, (node, index, parent) => {
      if (!BLOCKS.has(node.type)) return;
      const texts = blockTexts(node as Parents);
      const joined = texts.map((t) => t.value).join('');
      const next = parent && index !== undefined ? parent.children[index + 1] : undefined;
      const continues =
        next?.type === 'paragraph' &&
        blockTexts(next)
          .map((t) => t.value)
          .join('')
          .trimStart()
          .startsWith('“');
      for (const mark of unpairedMarks(joined)) {
        if (mark.kind === 'open' && mark.char === '“' && continues) continue;
        file.message(mark.kind === 'open' ? `“${mark.char}”没有配对的后半` : `“${mark.char}”没有配对的前半`, {
          place: placeOf(texts, mark.index),
          ruleId: 'unpaired',
          source: 'huibian',
        });
      }
    });
  };
}

/** The source place of character `index` of the joined texts (exact where the text has no escapes). */
function placeOf(texts: Text[], index: number): {line: number; column: number} | undefined {
  let rest = index;
  for (const text of texts) {
    if (rest < text.value.length) {
      const start = text.position?.start;
      if (!start) return undefined;
      const before = text.value.slice(0, rest);
      const lines = before.split('\n');
      return lines.length === 1 ? {line: start.line, column: start.column + rest} : {line: start.line + lines.length - 1, column: lines.at(-1)!.length + 1};
    }
    rest -= text.value.length;
  }
  return undefined;
}
