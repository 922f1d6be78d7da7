import {describe, expect, it} from 'vitest';
import {latinBreaks} from '../../src/typography/latin-breaks.js';
import {processText} from '../helpers/process.js';

/** The text with `|` at each break point. */
const marked = (text: string) => {
  let out = '';
  let last = 0;
  for (const at of latinBreaks(text)) {
    out += `${text.slice(last, at)}|`;
    last = at;
  }
  return out + text.slice(last);
};

describe('break points in long Latin runs (issue 9 defect 4, rule 22)', () => {
  const cases: Array<[string, string]> = [
    ['见/usr/share/doc/maint-guide目录', '见/usr/|share/|doc/|maint-|guide目录'],
    ['访问https://www.debian.org/doc/即可', '访问https://|www.|debian.|org/|doc/即可'],
    ['阅读README.Debian文件', '阅读README.|Debian文件'],
    ['比例由34.1∶30.6∶35.3调整', '比例由34.1∶|30.6∶|35.3调整'],
    ['变量DEB_BUILD_OPTIONS可用', '变量DEB_|BUILD_|OPTIONS可用'],
    ['参数--with-quilt即可', '参数--with-|quilt即可'],
    ['url?a=1&b=22222', 'url?|a=|1&|b=|22222'],
    ['列表debian-devel-{french,italian}@lists.debian.org或', '列表debian-|devel-{french,|italian}@lists.|debian.|org或'],
    // short runs, numbers and dates stay whole
    ['使用dh_make命令', '使用dh_make命令'],
    ['圆周率3.14159265358979', '圆周率3.14159265358979'],
    ['日期2025-12-01和时间10:30:45,1,234,567', '日期2025-12-01和时间10:30:45,1,234,567'],
  ];
  for (const [input, output] of cases) {
    it(`should mark ${JSON.stringify(input)} as ${JSON.stringify(output)}`, () => expect(marked(input)).toBe(output));
  }

  it('should put <wbr> in prose, links and inline code, not in code blocks', async () => {
    const {html} = await processText('---\ntitle: 题\n---\n\n编辑`debian/changelog`文件。\n\n```\ncat /usr/share/doc/x\n```\n');
    expect(html).toContain('<code>debian/<wbr>changelog</code>');
    expect(html).toContain('<pre><code>cat /usr/share/doc/x\n</code></pre>');
  });
});
