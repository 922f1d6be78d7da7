import {describe, expect, it} from 'vitest';
import {processText} from '../helpers/process.js';

describe('remarkWarnRawHtml', () => {
  it('should warn that raw HTML is not typeset, but not about comments', async () => {
    const {file, html} = await processText('---\ntitle: 题\n---\n\n<div>块</div>\n\n<!-- 备注 -->\n\n正文<b>粗</b>。');
    expect(file.messages.map((m) => [m.ruleId, m.line])).toEqual([
      ['raw-html', 5],
      ['raw-html', 9],
      ['raw-html', 9],
    ]);
    expect(html).not.toContain('<div>');
  });
});
