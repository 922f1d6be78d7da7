import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {writeAtomic} from '../../src/files/write-atomic.js';
import {makeBook} from '../helpers/book.js';

describe('writeAtomic', () => {
  it('should create folders, replace the file and leave no temporary file', async () => {
    const dir = await makeBook({});
    const target = path.join(dir, 'build', 'deep', 'book.pdf');
    await writeAtomic(target, 'one');
    await writeAtomic(target, 'two');
    expect(await readFile(target, 'utf8')).toBe('two');
    expect(await readdir(path.dirname(target))).toEqual(['book.pdf']);
  });

  it('should fail without leaving anything when the target is a folder', async () => {
    const dir = await makeBook({'build/book.pdf/x': 'x'});
    await expect(writeAtomic(path.join(dir, 'build', 'book.pdf'), 'data')).rejects.toThrow();
    expect(await readdir(path.join(dir, 'build'))).toEqual(['book.pdf']);
  });
});
