import {describe, expect, it} from 'vitest';
import {changeSummary, compareProofs} from '../../src/proof/changes.js';
import type {ProofData} from '../../src/proof/proof-data.js';

/** A proof of articles, each given as pages of lines: `{'a.md': [['第一行', '第二行'], ['下一页']]}`, one article after the other. */
function proof(round: number, articles: Record<string, string[][]>, entries: ProofData['entries'] = []): ProofData {
  const pages: ProofData['pages'] = [];
  const list: ProofData['articles'] = [];
  for (const [file, texts] of Object.entries(articles)) {
    list.push({file, title: `《${file}》`, page: pages.length, label: String(pages.length + 1)});
    for (const lines of texts) {
      pages.push({label: String(pages.length + 1), lines: lines.map((text, i) => ({n: i + 1, text, kind: 'text' as const, article: file}))});
    }
  }
  return {
    format: 'huibian-proof',
    version: 1,
    round,
    title: '书',
    built: '2026-12-01T08:00:00.000Z',
    writingMode: 'horizontal',
    pages,
    articles: list,
    entries,
  };
}

describe('the changes between two rounds of proofs', () => {
  it('should find none in an article whose text only moved to other lines and pages, and list it as moved', () => {
    const before = proof(1, {'a.md': [['甲乙丙'], ['丁']], 'b.md': [['青溪大桥建成通车，', '全长八百米。']]});
    const after = proof(2, {'a.md': [['甲乙'], ['丙'], ['丁']], 'b.md': [['青溪大桥建成', '通车，全长八百', '米。']]});
    const changes = compareProofs(before, after);
    expect(changes.articles).toEqual([]);
    expect(changes.bars.size).toBe(0);
    expect(changes.moved).toEqual([{file: 'b.md', title: '《b.md》', from: '3', to: '4', later: true}]);
  });

  it('should give a replaced phrase as one change at its page and line, with what stands around it', () => {
    const before = proof(1, {'a.md': [['镇里今年共修建道路十二公里，', '接手的工作应比从头开始轻松得多。']]});
    const after = proof(2, {'a.md': [['镇里今年共修建道路十二公里，', '接手的工作会比从零开始容易许多。']]});
    const [article] = compareProofs(before, after).articles;
    expect(article!.changes).toEqual([
      {page: 0, label: '1', line: 2, removed: '应比从头开始轻松得', added: '会比从零开始容易许', before: '公里，接手的工作', after: '多。'},
    ]);
  });

  it('should bar every line an insertion runs over, and the line where a deletion was', () => {
    const before = proof(1, {'a.md': [['第一句话。第二句话。', '第三句话。']]});
    const inserted = proof(2, {'a.md': [['第一句话。新加的', '一句话。第二句话。', '第三句话。']]});
    const changes = compareProofs(before, inserted);
    expect(changes.articles[0]!.changes.map((c) => [c.line, c.removed, c.added])).toEqual([[1, '', '新加的一句话。']]);
    expect(changes.bars.get(0)).toEqual(new Set([1, 2]));

    const deleted = proof(2, {'a.md': [['第一句话。', '第三句话。']]});
    const gone = compareProofs(before, deleted);
    expect(gone.articles[0]!.changes.map((c) => [c.line, c.removed, c.added])).toEqual([[2, '第二句话。', '']]);
    expect(gone.bars.get(0)).toEqual(new Set([2]));
  });

  it('should not take a hyphen that came with a line break for a change', () => {
    const before = proof(1, {'a.md': [['安装 build-essential 软件包。']]});
    const after = proof(2, {'a.md': [['安装 build-essen-', 'tial 软件包。']]});
    expect(compareProofs(before, after).articles).toEqual([]);
  });

  it('should list articles added, removed and moved, and the entries whose numbers changed', () => {
    const entries = (toc: string, index: string): ProofData['entries'] => [
      {kind: 'toc', text: '第一部分', pages: '1'},
      {kind: 'toc', text: '《b.md》', pages: toc},
      {kind: 'index', text: '李明', pages: index},
    ];
    const before = proof(1, {'a.md': [['一']], 'b.md': [['二']], 'c.md': [['三']]}, entries('2', '1, 2'));
    const after = proof(2, {'a.md': [['一'], ['新']], 'b.md': [['二']], 'd.md': [['四']]}, entries('3', '1, 3'));
    const changes = compareProofs(before, after);
    expect(changes.added).toEqual([{file: 'd.md', title: '《d.md》', label: '4'}]);
    expect(changes.removed).toEqual([{file: 'c.md', title: '《c.md》', label: '3'}]);
    expect(changes.moved).toEqual([{file: 'b.md', title: '《b.md》', from: '2', to: '3', later: true}]);
    // The contents' line of a moved article is in the list of moved articles already.
    expect(changes.entries).toEqual([{kind: 'index', text: '李明', from: '1, 2', to: '1, 3'}]);
    expect(changeSummary(changes)).toBe('改动 1 篇 1 处；1 篇页码后移；新增 1 篇；删去 1 篇');
  });

  it('should say so when nothing changed', () => {
    const same = proof(1, {'a.md': [['一']]});
    expect(changeSummary(compareProofs(same, {...same, round: 2}))).toBe('正文没有改动');
  });
});

describe('the list of changes', () => {
  it('should give each change its place, the old text struck through and the new underlined, and keep a title’s markup text', async () => {
    const {changeListDocument} = await import('../../src/proof/change-list.js');
    const before = proof(1, {'a.md': [['镇里修了路。', '全长八百米。']]});
    const after = {...proof(2, {'a.md': [['镇里修了路。', '全长九百米。']]}), title: '书"</style><b>'};
    const html = changeListDocument({language: 'zh-Hans'} as never, after, compareProofs(before, after), []);
    expect(html).toContain(
      '<span class="at">第 1 页第 2 行</span><span class="context">镇里修了路。全长</span><del>八</del><ins>九</ins><span class="context">百米。</span>',
    );
    // The head line is a CSS string in a style element: neither the quote nor </style> ends it.
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(style).toContain('\\"\\3c /style>\\3c b>');
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });
});
