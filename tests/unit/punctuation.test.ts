import {describe, expect, it} from 'vitest';
import {applyEdits, punctuationEdits} from '../../src/typography/punctuation.js';
import {quoteEdits} from '../../src/typography/quotes.js';
import {spaceEdits} from '../../src/typography/spacing.js';
import {unpairedMarks} from '../../src/typography/brackets.js';
import {processText} from '../helpers/process.js';

const normalize = (text: string, context = {}) => applyEdits(text, punctuationEdits(text, context));

describe('punctuation normalization (rule 2)', () => {
  const cases: Array<[string, string]> = [
    // copy from web pages: ASCII punctuation between Han
    ['1月7日下午,冬日暖阳下的水库,波光粼粼.', '1月7日下午，冬日暖阳下的水库，波光粼粼。'],
    ['来源:青溪镇融媒体中心', '来源：青溪镇融媒体中心'],
    ['你好, 世界!好吗?好; 走', '你好，世界！好吗？好；走'],
    ['生产总值(GDP)增长', '生产总值（GDP）增长'],
    ['(均为资料图片)', '（均为资料图片）'],
    ['等等...', '等等……'],
    ['等等。。。然后', '等等……然后'],
    ['说完…', '说完……'],
    ['这就是-- 答案', '这就是-- 答案'],
    ['这就是--答案', '这就是——答案'],
    ['这就是—答案', '这就是——答案'],
    ['奥斯特洛夫斯基・尼古拉', '奥斯特洛夫斯基·尼古拉'],
    // the traps: numbers, Latin, URLs stay
    ['增长97.5%,达1,200户', '增长97.5%，达1,200户'],
    ['8:30开会', '8:30开会'],
    ['1.2万元', '1.2万元'],
    ['Hello, world. (Yes)', 'Hello, world. (Yes)'],
    ['https://example.com/a,b', 'https://example.com/a,b'],
    ['版本v2.0发布', '版本v2.0发布'],
    ['已经是全角，不变。', '已经是全角，不变。'],
  ];
  for (const [input, output] of cases) {
    it(`should turn ${JSON.stringify(input)} into ${JSON.stringify(output)}`, () => {
      expect(normalize(input)).toBe(output);
    });
  }

  it('should use the neighbouring text at its edges', () => {
    expect(normalize(',下一句', {before: '重要'})).toBe('，下一句');
    expect(normalize('结束.', {after: ''})).toBe('结束。');
  });

  it('should be idempotent', () => {
    for (const [input] of cases) expect(normalize(normalize(input))).toBe(normalize(input));
  });
});

describe('quote pairing (rule 3)', () => {
  const pair = (paragraphs: string[][]) => {
    const state = {open: false};
    return paragraphs.map((segments) => {
      const edits = quoteEdits(segments, state);
      return segments.map((s, i) => applyEdits(s, edits[i]!));
    });
  };

  it('should pair straight double quotes by context', () => {
    expect(pair([['他说:"我们来了",大家笑了。"好"']])).toEqual([['他说:“我们来了”,大家笑了。“好”']]);
  });

  it('should reopen a quotation on each paragraph it runs over', () => {
    expect(pair([['"第一段'], ['"第二段'], ['"第三段。"']])).toEqual([['“第一段'], ['“第二段'], ['“第三段。”']]);
  });

  it('should pair single quotes next to Han and leave English apostrophes', () => {
    expect(pair([["他说'一户一码'很好, don't worry"]])).toEqual([["他说‘一户一码’很好, don't worry"]]);
  });

  it('should work across text segments and leave paragraphs without Han alone', () => {
    expect(pair([['他说"', '重要', '"。']])).toEqual([['他说“', '重要', '”。']]);
    expect(pair([['He said "hi".']])).toEqual([['He said "hi".']]);
  });
});

describe('typed spaces between Han and Latin (rule 8)', () => {
  const despace = (text: string) => applyEdits(text, spaceEdits(text));
  it('should remove them, keeping spaces between Latin words and around punctuation', () => {
    expect(despace('全镇 8 个村实现 5G 信号覆盖')).toBe('全镇8个村实现5G信号覆盖');
    expect(despace('使用 Open Source 软件')).toBe('使用Open Source软件');
    expect(despace('Hello, world 1 2')).toBe('Hello, world 1 2');
  });
});

describe('unpaired brackets and quotes', () => {
  it('should find marks without a partner, not apostrophes', () => {
    expect(unpairedMarks('他说“好（对）')).toEqual([{index: 2, char: '“', kind: 'open'}]);
    expect(unpairedMarks('见《报告》）')).toEqual([{index: 5, char: '）', kind: 'close'}]);
    expect(unpairedMarks('“《书”')).toEqual([{index: 1, char: '《', kind: 'open'}]);
    expect(unpairedMarks('don’t “好”')).toEqual([]);
  });

  it('should report them at their place in check, allowing a quotation over paragraphs', async () => {
    const {file} = await processText('---\ntitle: 题\n---\n\n“第一段\n\n“第二段。”\n\n他说（好。', {lint: true});
    const unpaired = file.messages.filter((m) => m.ruleId === 'unpaired').map((m) => [m.line, m.column, m.reason]);
    expect(unpaired).toEqual([[9, 3, '“（”没有配对的后半']]);
  });
});
