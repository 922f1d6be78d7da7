import {toString as textOf} from 'hast-util-to-string';
import {describe, expect, it} from 'vitest';
import {processText} from '../helpers/process.js';

describe('issue 9: copy in the manuscript pipeline', () => {
  it('should never strike through text between two single tildes (defect 1)', async () => {
    const {html, tree} = await processText('---\ntitle: 题\n---\n\n今年气温15~20℃，湿度60~70%，配置在 `~/.ssh` 和 ~/bin 里。\n');
    expect(html).not.toContain('<del>');
    expect(textOf(tree)).toContain('今年气温15～20℃，湿度60～70%，配置在 ~/.ssh 和 ~/bin 里。');
  });

  it('should still strike through ~~double tildes~~', async () => {
    const {html} = await processText('---\ntitle: 题\n---\n\n这是~~删去~~的字。\n');
    expect(html).toContain('<del>删去</del>');
  });

  it('should remove spaces next to full-width marks, also beside inline code (defect 2)', async () => {
    const {html} = await processText('---\ntitle: 题\n---\n\n选择 “stable” ，运行 `make` 。（ 可选 ）\n');
    expect(html).toContain('选择“stable”，运行 <code>make</code>。（可选）');
  });

  it('should keep the spaces that set inline code apart from Chinese (the gap CSS does not give it)', async () => {
    const {html} = await processText('---\ntitle: 题\n---\n\n例如，`apache` 软件包位于 `pool/main/a/apache/`。\n');
    expect(html).toContain('例如，<code>apache</code> 软件包位于 <code>pool/<wbr>main/<wbr>a/<wbr>apache/</code>。');
  });

  it('should report each space and range at its place in check (defects 1, 2)', async () => {
    const {file} = await processText('---\ntitle: 题\n---\n\n气温15~20℃ ，好。\n', {lint: true});
    const found = file.messages.map((m) => [m.line, m.column, m.ruleId]);
    expect(found).toContainEqual([5, 5, 'range']);
    expect(found).toContainEqual([5, 9, 'punctuation-space']);
  });

  it('should normalize the front matter that is printed (defect 8)', async () => {
    const {file} = await processText(
      '---\ntitle: 求真务实为民办实事:我市扎实开展"我为群众办实事"活动\nsubtitle: 第 3 期\nauthor: 记者 张三 ,李四\nsource: 市融媒体中心 ( 网站 )\n---\n\n正文。\n',
    );
    expect(file.data.matter).toMatchObject({
      title: '求真务实为民办实事：我市扎实开展“我为群众办实事”活动',
      subtitle: '第3期',
      author: '记者 张三，李四',
      source: '市融媒体中心（网站）',
    });
  });

  it('should report front matter fixes at the value, so check --fix can apply them (defect 8)', async () => {
    const {file} = await processText('---\ntitle: 开展工作:成效明显\n---\n\n正文。\n', {lint: true});
    expect(file.messages.filter((m) => m.ruleId !== 'missing-field').map((m) => [m.line, m.column, m.ruleId])).toEqual([[2, 12, 'punctuation']]);
    expect(file.data.fixes).toEqual([{start: 15, end: 16, text: '：'}]);
    // Quoted, as tools write YAML, too.
    const quoted = await processText('---\ntitle: "第 1 章"\n---\n\n正文。\n', {lint: true});
    expect(quoted.file.data.fixes).toEqual([
      {start: 13, end: 14, text: ''},
      {start: 15, end: 16, text: ''},
    ]);
  });

  it('should report a paragraph that begins with a closing mark in check (defect 3)', async () => {
    const {file} = await processText('---\ntitle: 题\n---\n\n记录结果（例如\n\n```\nlog\n```\n\n），也记录错误。\n', {lint: true});
    expect(file.messages.filter((m) => m.ruleId === 'paragraph-start').map((m) => [m.line, m.column])).toEqual([[11, 1]]);
  });

  it('should pair parentheses over a whole paragraph, through emphasis and links', async () => {
    const {tree} = await processText(
      '---\ntitle: 题\n---\n\n命令行语法友好 **pdebuild** (被 **gbp buildpackage** 使用)，见[手册](https://example.org) (第 3 章)。\n',
    );
    expect(textOf(tree)).toBe('命令行语法友好pdebuild（被gbp buildpackage使用），见手册（第3章）。');
  });
});
