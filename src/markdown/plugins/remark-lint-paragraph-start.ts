import type {Root} from 'mdast';
import {toString as textOf} from 'mdast-util-to-string';
import {visit} from '../visit.js';
import type {VFile} from 'vfile';
import {CLOSING_MARKS} from '../../typography/marks.js';

/**
 * Report a paragraph that begins with a closing mark — typically the rest of a sentence after
 * a code block or a list (`（例如` · code · `），也记录……`). Line breaking cannot keep such a mark
 * off the head of a line: it opens its block. Active with `enabled` (`huibian check`).
 */
export default function remarkLintParagraphStart(options?: {enabled?: boolean}) {
  return (tree: Root, file: VFile): void => {
    if (!options?.enabled) return;
    visit(tree, 'paragraph', (node) => {
      const mark = textOf(node).trimStart()[0];
      if (!mark || !CLOSING_MARKS.includes(mark)) return;
      file.message(`段落以“${mark}”开头，印出来它会落在行首：请把它并入上一段末尾，或改写这句`, {
        place: node.position?.start,
        ruleId: 'paragraph-start',
        source: 'huibian',
      });
    });
  };
}
