import type {Root} from 'mdast';
import {visit} from 'unist-util-visit';
import type {VFile} from 'vfile';

/**
 * Warn about raw HTML in a manuscript: it is not rendered (manuscripts are untrusted), and a
 * silent drop would lose text without anyone noticing.
 */
export default function remarkWarnRawHtml() {
  return (tree: Root, file: VFile): void => {
    visit(tree, 'html', (node) => {
      if (/^<!--[\s\S]*-->$/.test(node.value.trim())) return;
      file.message('Markdown 中的 HTML 不会排入书中：请改用 Markdown 写法', {
        place: node.position,
        ruleId: 'raw-html',
        source: 'huibian',
      });
    });
  };
}
