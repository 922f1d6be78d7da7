import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import {loadConfig, parseConfig} from '../../src/config/load.js';
import {pageSizeMm} from '../../src/config/schema.js';
import {formatMessages, InputError} from '../../src/report/messages.js';
import {makeBook} from '../helpers/book.js';

const parse = (text: string) => {
  const file = new VFile({path: 'book.yaml', value: text});
  return {config: parseConfig(file), file};
};

describe('book.yaml', () => {
  it('should apply the defaults of DESIGN.md', () => {
    const {config} = parse('title: 书\n');
    expect(config).toEqual({
      title: '书',
      language: 'zh-Hans',
      writingMode: 'horizontal',
      pageSize: 'A5',
      manuscripts: 'manuscripts/**/*.md',
      articleStart: 'page',
      folio: 'arabic',
      frontMatter: [],
      backMatter: [],
      indexSort: 'pinyin',
      publicNumbers: [],
      styles: [],
      epub: {embedFonts: false},
    });
  });

  it('should report an unknown key at its line and column', () => {
    const {config, file} = parse('title: 书\nwritingmode: vertical\n');
    expect(config).toBeUndefined();
    expect(formatMessages([file])).toMatch(/^book\.yaml:2:1: error: 未知的键 `writingmode`/);
  });

  it('should take public numbers as a list, and refuse one too long for YAML to read as written', () => {
    expect(parse('title: 书\npublicNumbers: [13812345678, "0571-87654321"]\n').config?.publicNumbers).toEqual([13812345678, '0571-87654321']);
    const {config, file} = parse('title: 书\npublicNumbers: [110105194912310021]\n');
    expect(config).toBeUndefined();
    expect(formatMessages([file])).toMatch(
      /^book\.yaml:2:\d+: error: `publicNumbers.0`：这个号码 YAML 读不准（太长，或不是整数）：请加引号，如 "110105194912310021" \[huibian:config\]$/,
    );
  });

  it('should report a missing title', () => {
    const {file} = parse('author: 某人\n');
    expect(file.messages[0]?.reason).toContain('title');
    expect(file.messages[0]?.fatal).toBe(true);
  });

  it('should report a bad value at the value', () => {
    const {file} = parse('title: 书\narticleStart: sometimes\n');
    expect(file.messages[0]?.line).toBe(2);
    expect(file.messages[0]?.column).toBe(15);
    expect(file.messages[0]?.reason).toContain('articleStart');
  });

  it('should report YAML syntax errors with their place', () => {
    const {config, file} = parse('title: [书\n');
    expect(config).toBeUndefined();
    expect(file.messages[0]?.reason).toContain('YAML');
    expect(file.messages[0]?.line).toBeGreaterThanOrEqual(1);
  });

  it('should accept named and custom page sizes', () => {
    expect(parse('title: 书\npageSize: 16K\n').config?.pageSize).toBe('16K');
    expect(pageSizeMm('140mm 203mm')).toEqual({width: 140, height: 203});
    expect(pageSizeMm('A4')).toEqual({width: 210, height: 297});
    expect(parse('title: 书\npageSize: A9\n').file.messages[0]?.reason).toContain('A5');
  });

  it('should say a folder without book.yaml is not a book', async () => {
    const dir = await makeBook({'notes.txt': 'x'});
    const error = await loadConfig(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(formatMessages((error as InputError).files, dir)).toContain('book.yaml:1:1: error: 找不到此文件');
  });
});
