import type {Root} from 'mdast';
import type {ContainerDirective, LeafDirective, TextDirective} from 'mdast-util-directive';
import {toString as textOf} from 'mdast-util-to-string';
import {visit} from '../visit.js';
import type {VFile} from 'vfile';
import {emphasisRuns, rubyElement} from '../../typography/ruby.js';

type Directive = ContainerDirective | LeafDirective | TextDirective;

/** What each directive is for, for the message about an unknown one. */
const KNOWN =
  '`:ruby[汉字]{rt="hàn zì"}`（注音）、`:dots[重点]`（着重号）、`:tcy[2025]`（竖排时横放）、`:index[李明]`（收入索引）、`::subheading[副题]`（小标题的副题）';

/** The class of an index mark in the HAST; the book's index gathers them (book/book-index.ts). */
export const INDEX_MARK = 'index-term';

/**
 * The Markdown syntax huibian adds through directives (remark-directive):
 *
 * - `:ruby[汉字]{rt="hàn zì"}` — ruby / pinyin, per character when the syllables match;
 * - `:dots[要点]` — emphasis dots (着重号) under the text, right of it in vertical books;
 * - `:tcy[2025]` — set a run upright in one em in vertical books (縦中横), whatever its length;
 * - `:index[李明]` — a term for the book's index, its text left in place; `{sort="排序"}` sorts it
 *   by another reading (a polyphonic name), `{term="李明"}` files it under another form than
 *   the one printed (`:index[李书记]{term="李明"}`);
 * - `::subheading[把稳思想之舵]` — the second line of a two-line section heading (news copy's
 *   `学深悟透` / `把稳思想之舵`), set under the heading and kept with it.
 *
 * Any other `:name[…]` (`例如:abc` in running text parses as one) is put back as the text it
 * was, with a warning, so no text is ever lost to the syntax.
 */
export default function remarkHuibianDirectives() {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value);
    visit(tree, (node, index, parent) => {
      if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return undefined;
      const directive = node as Directive;
      directive.data ??= {};
      const data = directive.data;
      const text = textOf(directive);
      if (directive.name === 'ruby' && directive.type === 'textDirective') {
        const reading = directive.attributes?.rt ?? directive.attributes?.py;
        if (!reading) {
          file.message('注音缺少读音：应写成 `:ruby[汉字]{rt="hàn zì"}`', {place: directive.position, ruleId: 'ruby', source: 'huibian'});
        }
        const ruby = rubyElement(text, reading ?? '');
        data.hName = 'ruby';
        data.hChildren = reading ? ruby.children : [{type: 'text', value: text}];
        return undefined;
      }
      if (directive.name === 'dots' && directive.type === 'textDirective') {
        data.hName = 'span';
        // One span per dotted character: Chromium draws no CSS text-emphasis with fonts sliced
        // by unicode-range (the dot is in another slice than the character), so CSS puts a dot
        // after each span instead.
        data.hChildren = emphasisRuns(text).map((run) =>
          run.dotted
            ? {
                type: 'element',
                tagName: 'em',
                properties: {className: ['emphasis-dots']},
                children: [...run.text].map((char) => ({
                  type: 'element',
                  tagName: 'span',
                  properties: {className: ['dot']},
                  children: [{type: 'text', value: char}],
                })),
              }
            : {type: 'text', value: run.text},
        );
        return undefined;
      }
      if (directive.name === 'tcy' && directive.type === 'textDirective') {
        data.hName = 'span';
        data.hProperties = {className: ['tcy']};
        return undefined;
      }
      if (directive.name === 'index' && directive.type === 'textDirective') {
        const term = (directive.attributes?.term ?? text).trim();
        if (!term) {
          file.message('索引词为空：应写成 `:index[李明]`，方括号里是要收入索引的词', {place: directive.position, ruleId: 'index', source: 'huibian'});
        }
        const sort = directive.attributes?.sort?.trim();
        data.hName = 'span';
        data.hProperties = {className: [INDEX_MARK], ...(term ? {dataIndexTerm: term} : {}), ...(sort ? {dataIndexSort: sort} : {})};
        return undefined;
      }
      if (directive.name === 'subheading' && directive.type === 'leafDirective') {
        data.hName = 'p';
        data.hProperties = {className: ['subheading']};
        return undefined;
      }
      if (!parent || index === undefined) return undefined;
      // `到场:有人问` in Chinese copy parses as a directive named 有人问: plainly not meant as one.
      if (/^[A-Za-z]/.test(directive.name))
        file.message(`未知的写法 \`:${directive.name}\`，已按原文排出：可用的有 ${KNOWN}；若是正文里的冒号，可写成 \`\\:\``, {
          place: directive.position,
          ruleId: 'directive',
          source: 'huibian',
        });
      const start = directive.position?.start.offset;
      const end = directive.position?.end.offset;
      if (directive.type === 'textDirective' && start !== undefined && end !== undefined) {
        parent.children.splice(index, 1, {type: 'text', value: source.slice(start, end), position: directive.position});
      } else {
        // A block directive's fences are syntax; its content stays.
        parent.children.splice(index, 1, ...(directive.children as never[]));
      }
      return index;
    });
  };
}
