import type {Element, Root} from 'hast';
import rehypeRaw from 'rehype-raw';
import type {Processor} from 'unified';
import {EXIT, SKIP, visit} from '../visit.js';
import type {VFile} from 'vfile';

/** Tags a manuscript may write as HTML: what Markdown lacks for typesetting (sup, sub, u, small …) and plain structure. */
const KEPT = new Set(
  (
    'a abbr b bdi bdo blockquote br caption cite code col colgroup dd del dfn div dl dt em figcaption figure ' +
    'h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q rp rt ruby s samp small span strong sub sup ' +
    'table tbody td tfoot th thead time tr u ul var wbr'
  ).split(' '),
);

/** Tags removed with everything inside them: they run code, reach outside the book, restyle the page or hold a form. */
const DROPPED = new Set(
  (
    'script style iframe object embed applet meta base link noscript template frame frameset form input button ' +
    'select textarea option audio video source track canvas svg math title head'
  ).split(' '),
);

/** Attributes kept on the kept tags (hast property names); everything else goes, event handlers and `style` first. */
const ATTRIBUTES: Record<string, string[]> = {
  '*': ['className', 'title', 'lang', 'dir'],
  a: ['href'],
  img: ['src', 'alt', 'width', 'height'],
  td: ['colSpan', 'rowSpan', 'align'],
  th: ['colSpan', 'rowSpan', 'align'],
  ol: ['start', 'reversed'],
  time: ['dateTime'],
};

/** Links may go to the web, to mail, or within the book; `javascript:` and the like never. */
const SAFE_HREF = /^(https?:|mailto:|#)/i;

const MARK = 'dataHuibianMarkdown';

/**
 * Raw HTML in a manuscript, parsed (rehype-raw) and sanitized: the tags and attributes that
 * typesetting needs are kept; scripts, frames, forms, styles, event handlers and unsafe links
 * are removed, each with a warning at its place that names it; unknown tags lose their tag and
 * keep their text. Links Markdown wrote are held to the same rule (`[x](javascript:…)`).
 * Must follow remark-rehype with `allowDangerousHtml`.
 */
export default function rehypeSanitizeRaw(this: Processor) {
  // With raw HTML, elements Markdown made are marked first: only what came from raw HTML is judged.
  const parse = rehypeRaw();
  return (tree: Root, file: VFile): Root => {
    // Most manuscripts have no HTML: they skip the parser's round trip over the whole tree,
    // and the marks (without raw HTML, every element is Markdown's).
    let raw = false;
    visit(tree, (node) => {
      if (node.type !== 'raw') return undefined;
      raw = true;
      return EXIT;
    });
    if (raw) {
      visit(tree, 'element', (node) => {
        node.properties[MARK] = true;
      });
    }
    const parsed = raw ? (parse(tree, file) as Root) : tree;
    const say = (text: string, node: Element | undefined) =>
      file.message(`稿件中的 HTML ${text}：书中只排 Markdown 和少数排版标签（上标、下标、下划线等）`, {
        place: node?.position,
        ruleId: 'raw-html',
        source: 'huibian',
      });
    visit(parsed, (node, index, parent) => {
      if (node.type === 'comment' && parent && index !== undefined) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      if (node.type !== 'element') return undefined;
      // A round trip through the HTML parser turns `true` into ''.
      const fromMarkdown = !raw || node.properties[MARK] !== undefined;
      if (raw) delete node.properties[MARK];
      if (node.tagName === 'a' && typeof node.properties.href === 'string' && !SAFE_HREF.test(node.properties.href.trim())) {
        file.message(`链接 \`${node.properties.href.slice(0, 40)}\` 已删除，只留文字：链接只能指向网页（http、https）、邮箱或书内`, {
          place: node.position,
          ruleId: 'unsafe-link',
          source: 'huibian',
        });
        delete node.properties.href;
      }
      if (fromMarkdown || !parent || index === undefined) return undefined;
      if (DROPPED.has(node.tagName)) {
        say(`<${node.tagName}> 已删除（连同其内容）`, node);
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      if (!KEPT.has(node.tagName)) {
        say(`<${node.tagName}> 不在可用标签之列，已去掉标签、保留文字`, node);
        parent.children.splice(index, 1, ...node.children);
        return index;
      }
      const allowed = new Set([...ATTRIBUTES['*']!, ...(ATTRIBUTES[node.tagName] ?? [])]);
      for (const key of Object.keys(node.properties)) {
        if (allowed.has(key)) continue;
        say(`<${node.tagName}> 的属性 ${key} 已删除`, node);
        delete node.properties[key];
      }
      return undefined;
    });
    return parsed;
  };
}
