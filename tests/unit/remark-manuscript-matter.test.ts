import {describe, expect, it} from 'vitest';
import {formatMessages} from '../../src/report/messages.js';
import {processText} from '../helpers/process.js';

describe('remarkManuscriptMatter', () => {
  it('should validate front matter into file.data.matter', async () => {
    const {file} = await processText('---\ntitle: 标题\ndate: 2025-03-12\ntags: [甲, 乙]\npart: 村务\n---\n\n正文。');
    expect(file.data.matter).toEqual({title: '标题', date: '2025-03-12', tags: ['甲', '乙'], part: '村务'});
    expect(file.messages).toEqual([]);
  });

  it('should accept a single tag as a string', async () => {
    const {file} = await processText('---\ntitle: 标题\ntags: 甲\n---\n');
    expect(file.data.matter?.tags).toEqual(['甲']);
  });

  it('should fail on a missing front matter block at 1:1', async () => {
    const {file} = await processText('正文而已。');
    expect(formatMessages([file], '/tmp')).toMatch(/^a\.md:1:1: error: 缺少文首的 YAML 信息块/);
  });

  it('should fail on a missing title', async () => {
    const {file} = await processText('---\nauthor: 某人\n---\n正文。');
    expect(file.messages[0]).toMatchObject({fatal: true, line: 2});
    expect(file.messages[0]?.reason).toContain('title');
  });

  it('should fail on an impossible date at the value', async () => {
    const {file} = await processText('---\ntitle: 标题\ndate: 2025-02-30\n---\n');
    expect(file.messages[0]).toMatchObject({fatal: true, line: 3, column: 7});
  });

  it('should point YAML syntax errors at the manuscript line', async () => {
    const {file} = await processText('---\ntitle: 标题\nauthor: [未闭合\n---\n');
    expect(file.messages[0]?.fatal).toBe(true);
    expect(file.messages[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('should warn about unknown keys, not fail', async () => {
    const {file} = await processText('---\ntitle: 标题\nauther: 某人\n---\n');
    expect(file.data.matter?.title).toBe('标题');
    expect(file.messages[0]).toMatchObject({fatal: false, line: 3, column: 1, ruleId: 'unknown-key'});
  });
});
