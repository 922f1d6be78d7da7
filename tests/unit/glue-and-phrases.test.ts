import {describe, expect, it} from 'vitest';
import {gluePieces} from '../../src/typography/glue.js';
import {phrases} from '../../src/typography/phrases.js';
import {processText} from '../helpers/process.js';

describe('glue (rules 6, 7)', () => {
  it('should keep —— and …… whole and glue · and ～ to the character before', () => {
    expect(gluePieces('他说——好……保尔·柯察金，1～3号')).toEqual([
      {text: '他说', glue: false},
      {text: '——', glue: true},
      {text: '好', glue: false},
      {text: '……', glue: true},
      {text: '保', glue: false},
      {text: '尔·', glue: true},
      {text: '柯察金，', glue: false},
      {text: '1～', glue: true},
      {text: '3号', glue: false},
    ]);
    expect(gluePieces('没有要粘的')).toEqual([{text: '没有要粘的', glue: false}]);
  });

  it('should wrap glued runs in span.nobr, never inside code', async () => {
    const {html} = await processText('---\ntitle: 题\n---\n\n他说——好。`a——b`');
    expect(html).toBe('<p>他说<span class="nobr">——</span>好。<code>a——b</code></p>');
  });
});

describe('heading phrases (rule 18)', () => {
  it('should cut headings into phrases with <wbr>', async () => {
    expect(phrases('一、坚持以学促干').join('|')).toContain('坚持');
    const {html} = await processText('---\ntitle: 题\n---\n\n## 一、坚持以学促干');
    expect(html).toMatch(/^<h2>一、<wbr>坚持<wbr>/);
    expect(html.replace(/<wbr>/g, '')).toBe('<h2>一、坚持以学促干</h2>');
  });
});
