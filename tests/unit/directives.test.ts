import {describe, expect, it} from 'vitest';
import {emphasisRuns, rubyElement} from '../../src/typography/ruby.js';
import {toHtml} from 'hast-util-to-html';
import {processText} from '../helpers/process.js';

const md = (body: string) => processText(`---\ntitle: 题\n---\n\n${body}`);

describe('directives', () => {
  it('should set pinyin per character when the syllables match, as a group otherwise', async () => {
    expect(toHtml(rubyElement('汉字', 'hàn zì'))).toBe('<ruby>汉<rp>(</rp><rt>hàn</rt><rp>)</rp>字<rp>(</rp><rt>zì</rt><rp>)</rp></ruby>');
    expect(toHtml(rubyElement('东京', 'Tokyo'))).toBe('<ruby>东京<rp>(</rp><rt>Tokyo</rt><rp>)</rp></ruby>');
    const {html} = await md('读作:ruby[青溪]{rt="qīng xī"}。');
    expect(html).toBe('<p>读作<ruby>青<rp>(</rp><rt>qīng</rt><rp>)</rp>溪<rp>(</rp><rt>xī</rt><rp>)</rp></ruby>。</p>');
  });

  it('should put emphasis dots on characters, never on punctuation', async () => {
    expect(emphasisRuns('守初心，担使命')).toEqual([
      {text: '守初心', dotted: true},
      {text: '，', dotted: false},
      {text: '担使命', dotted: true},
    ]);
    const {html} = await md('要:dots[守初心，担使命]。');
    expect(html).toBe(
      '<p>要<span><em class="emphasis-dots"><span class="dot">守</span><span class="dot">初</span><span class="dot">心</span></em>，' +
        '<em class="emphasis-dots"><span class="dot">担</span><span class="dot">使</span><span class="dot">命</span></em></span>。</p>',
    );
  });

  it('should set an upright run with :tcy', async () => {
    const {html} = await md(':tcy[2025]年');
    expect(html).toBe('<p><span class="tcy">2025</span>年</p>');
  });

  it('should set the second line of a two-line heading with ::subheading', async () => {
    const {html} = await md('## 学深悟透\n\n::subheading[把稳思想之舵]\n\n正文。');
    expect(html).toContain('<p class="subheading">把稳思想之舵</p>');
  });

  it('should put an unknown directive back as its text (then normalized), with a warning', async () => {
    const {html, file} = await md('例如:abc[注]{x=1}和:def就是这样。');
    expect(html).toBe('<p>例如：abc[注]{x=1}和：def就是这样。</p>');
    expect(file.messages.filter((m) => m.ruleId === 'directive').map((m) => m.column)).toEqual([3, 16]);
  });

  it('should warn about a ruby without reading and keep its text', async () => {
    const {html, file} = await md(':ruby[汉字]');
    expect(html).toBe('<p><ruby>汉字</ruby></p>');
    expect(file.messages[0]?.ruleId).toBe('ruby');
  });
});
