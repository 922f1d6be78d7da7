import {describe, expect, it} from 'vitest';
import {phrases} from '../../src/typography/phrases.js';
import {textWidthMm} from '../../src/config/schema.js';
import {emWidth, runningHead} from '../../src/typography/running-head.js';

describe('running heads fit one line (issue 9 defect 8)', () => {
  // The text area of an A5 page (148 mm) with the default templates' margins.
  const a5 = textWidthMm(148);

  it('should keep a title that fits', () => {
    expect(runningHead('青溪大桥建成通车', a5)).toBe('青溪大桥建成通车');
  });

  it('should cut a long title at a phrase boundary with an ellipsis', () => {
    const title = '求真务实为民办实事：我市扎实开展“我为群众办实事”实践活动推动各项惠民政策落地见效取得阶段性成果';
    const head = runningHead(title, a5);
    expect(head.endsWith('……')).toBe(true);
    expect(emWidth(head)).toBeLessThanOrEqual(38);
    const kept = head.slice(0, -2);
    expect(title.startsWith(kept)).toBe(true);
    // Cut between phrases, never inside one: what is kept is a run of whole BudouX phrases.
    let joined = '';
    expect(phrases(title).map((phrase) => (joined += phrase))).toContain(kept);
  });

  it('should leave no punctuation before the ellipsis', () => {
    const head = runningHead('关于进一步加强和改进新时代基层社会治理工作，切实提升群众获得感幸福感安全感的实施意见', textWidthMm(105));
    expect(head).toMatch(/[^，、：；]……$/u);
  });

  it('should count Latin letters as narrower than Han', () => {
    expect(emWidth('Debian')).toBeLessThan(emWidth('软件包制作'));
  });
});
