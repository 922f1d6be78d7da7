import {mkdir, readdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {replaceFolder, writeAtomic} from '../../src/files/write-atomic.js';
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

  it('should write nothing and leave the old file when the build is cancelled', async () => {
    const dir = await makeBook({'build/book.pdf': 'old'});
    const target = path.join(dir, 'build', 'book.pdf');
    const controller = new AbortController();
    const writing = writeAtomic(target, 'new', {signal: controller.signal});
    controller.abort(new Error('已取消'));
    await expect(writing).rejects.toThrow('已取消');
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(path.dirname(target))).toEqual(['book.pdf']);
  });

  it('should fail without leaving anything when the target is a folder', async () => {
    const dir = await makeBook({'build/book.pdf/x': 'x'});
    await expect(writeAtomic(path.join(dir, 'build', 'book.pdf'), 'data')).rejects.toThrow();
    expect(await readdir(path.join(dir, 'build'))).toEqual(['book.pdf']);
  });
});

describe('replaceFolder', () => {
  it('should put the new folder in place of the old one, leaving nothing beside it', async () => {
    const dir = await makeBook({'build/html/old.html': 'old'});
    const target = path.join(dir, 'build', 'html');
    await replaceFolder(target, async (folder) => {
      await mkdir(folder, {recursive: true});
      await writeFile(path.join(folder, 'index.html'), 'new');
    });
    expect(await readdir(target)).toEqual(['index.html']);
    expect(await readdir(path.join(dir, 'build'))).toEqual(['html']);
  });

  it('should leave the old folder as it was when the build is cancelled once the new one is written', async () => {
    const dir = await makeBook({'build/html/index.html': 'old'});
    const target = path.join(dir, 'build', 'html');
    const controller = new AbortController();
    const replacing = replaceFolder(
      target,
      async (folder) => {
        await mkdir(folder, {recursive: true});
        await writeFile(path.join(folder, 'index.html'), 'new');
        controller.abort(new Error('已取消'));
      },
      {signal: controller.signal},
    );
    await expect(replacing).rejects.toThrow('已取消');
    expect(await readFile(path.join(target, 'index.html'), 'utf8')).toBe('old');
    expect(await readdir(path.join(dir, 'build'))).toEqual(['html']);
  });

  it('should leave the old folder exactly as it was when writing the new one fails', async () => {
    const dir = await makeBook({'build/html/index.html': 'old'});
    const target = path.join(dir, 'build', 'html');
    const failing = replaceFolder(target, async (folder) => {
      await mkdir(folder, {recursive: true});
      await writeFile(path.join(folder, 'index.html'), 'half');
      throw new Error('interrupted');
    });
    await expect(failing).rejects.toThrow('interrupted');
    expect(await readFile(path.join(target, 'index.html'), 'utf8')).toBe('old');
    expect(await readdir(path.join(dir, 'build'))).toEqual(['html']);
  });
});
