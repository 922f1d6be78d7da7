import {describe, expect, it} from 'vitest';
import {firstInvalidUtf8, readTextFile} from '../../src/files/read-text.js';
import {makeBook} from '../helpers/book.js';

describe('readTextFile', () => {
  it('should read UTF-8, drop a BOM and normalize line ends', async () => {
    const dir = await makeBook({'a.md': '\uFEFF第一行\r\n第二行\r\n'});
    const file = await readTextFile(`${dir}/a.md`);
    expect(file.value).toBe('第一行\n第二行\n');
    expect(file.messages).toEqual([]);
  });

  it('should point at the first byte of a GBK file', async () => {
    // “中文” in GBK on line 2, after an ASCII line.
    const dir = await makeBook({'a.md': new Uint8Array([0x61, 0x62, 0x0a, 0x78, 0xd6, 0xd0, 0xce, 0xc4])});
    const file = await readTextFile(`${dir}/a.md`);
    expect(file.messages).toHaveLength(1);
    expect(file.messages[0]).toMatchObject({line: 2, column: 2, fatal: true});
    expect(file.messages[0]?.reason).toContain('UTF-8');
  });

  it('should report a missing file instead of throwing', async () => {
    const file = await readTextFile('/nonexistent/huibian/a.md');
    expect(file.messages[0]?.reason).toBe('找不到此文件');
  });

  it('should count columns in characters, not bytes', () => {
    expect(firstInvalidUtf8(new Uint8Array([...Buffer.from('汉字'), 0xff]))).toEqual({line: 1, column: 3});
  });
});
