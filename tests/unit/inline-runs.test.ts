import type {Root} from 'hast';
import {h} from 'hastscript';
import {toHtml} from 'hast-util-to-html';
import {describe, expect, it} from 'vitest';
import {restoreBoundaryBreaks} from '../../src/render/shared/boundary-breaks.js';
import {wrapInlineRuns} from '../../src/render/shared/inline-runs.js';

describe('inline runs beside blocks (issue 9, loose lines in split list items)', () => {
  it('should wrap the words of a tight list item that stand beside a nested block', () => {
    const tree: Root = {type: 'root', children: [h('li', ['先运行', h('code', 'make'), '，然后：', h('pre', 'make install'), '再检查。'])]};
    wrapInlineRuns(tree);
    expect(toHtml(tree)).toBe(
      '<li><div class="inline-run">先运行<code>make</code>，然后：</div><pre>make install</pre><div class="inline-run">再检查。</div></li>',
    );
  });

  it('should leave containers of only inline content or only blocks alone', () => {
    const tree: Root = {type: 'root', children: [h('li', ['只有文字', h('em', '强调')]), h('li', [h('p', '段落'), '\n', h('ul', [h('li', '子项')])])]};
    const before = toHtml(tree);
    wrapInlineRuns(tree);
    expect(toHtml(tree)).toBe(before);
  });
});

describe('line breaks where Han meets Latin at an element edge (issue 9, loose lines)', () => {
  it('should put <wbr> between Han and a Latin word in its own element, both ways', () => {
    const tree: Root = {type: 'root', children: [h('p', ['命令行语法友好', h('strong', 'pdebuild'), '（被', h('strong', 'gbp buildpackage'), '使用）'])]};
    restoreBoundaryBreaks(tree);
    expect(toHtml(tree)).toBe('<p>命令行语法友好<wbr><strong>pdebuild</strong>（被<wbr><strong>gbp buildpackage</strong><wbr>使用）</p>');
  });

  it('should leave Han next to Han, and code blocks, alone', () => {
    const tree: Root = {type: 'root', children: [h('p', ['例如', h('em', '重点'), '，', h('code', 'x')]), h('pre', [h('span', 'a'), '汉'])]};
    const before = toHtml(tree);
    restoreBoundaryBreaks(tree);
    expect(toHtml(tree)).toBe(before);
  });
});
