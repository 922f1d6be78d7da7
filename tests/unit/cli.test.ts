import path from 'node:path';
import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {parseBuildOptions} from '../../src/cli/build-args.js';
import {Progress} from '../../src/cli/progress.js';
import {run as preview} from '../../src/cli/preview-command.js';
import {findBrowser} from '../../src/render/pdf/browser.js';
import {makeBook, smallBook} from '../helpers/book.js';
import {EnvironmentError, UsageError} from '../../src/report/messages.js';

describe('build options', () => {
  it('should default to the current folder, PDF, build/book.pdf', () => {
    expect(parseBuildOptions([], '/books/x')).toEqual({bookDir: '/books/x', format: 'pdf', out: '/books/x/build/book.pdf'});
  });

  it('should take a folder, a format and an output path relative to the working folder', () => {
    expect(parseBuildOptions(['y', '--format', 'html', '--out', 'site'], '/w')).toEqual({bookDir: '/w/y', format: 'html', out: '/w/site'});
    expect(parseBuildOptions(['--format=html'], '/w').out).toBe(path.join('/w', 'build', 'html'));
  });

  it('should reject unknown formats, options and extra folders', () => {
    expect(() => parseBuildOptions(['--format', 'mobi'])).toThrow(UsageError);
    expect(() => parseBuildOptions(['--fromat', 'pdf'])).toThrow(UsageError);
    expect(() => parseBuildOptions(['a', 'b'])).toThrow(/只能给一个书的文件夹/);
  });

  it('should take --jobs as a whole number of layouts at once and --cache-dir relative to the working folder', () => {
    expect(parseBuildOptions(['--jobs', '2', '--cache-dir', 'c'], '/w')).toMatchObject({jobs: 2, cacheDir: '/w/c'});
    for (const bad of ['0', '1.5', 'many']) expect(() => parseBuildOptions(['--jobs', bad])).toThrow(/--jobs 应为 1 到 64 之间的整数/);
  });
});

describe('preview', () => {
  it('should end at once when Ctrl-C came while it was starting (issue 21)', async () => {
    const cancelled = new AbortController();
    cancelled.abort();
    const stderr = process.stderr.write;
    process.stderr.write = () => true;
    try {
      // Before, it waited for an abort event that had already fired: the test timed out.
      await preview([await makeBook(smallBook()), '--port', '0'], cancelled.signal);
    } finally {
      process.stderr.write = stderr;
    }
  });
});

describe('progress', () => {
  it('should print plain lines with step times when not on a terminal', () => {
    const stream = new PassThrough();
    let output = '';
    stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const progress = new Progress(stream as unknown as NodeJS.WriteStream, false);
    progress.step('paginate');
    for (let n = 1; n <= 120; n++) progress.detail(`${n} 页`, n);
    progress.step('write');
    progress.end();
    expect(output).toMatch(/^… 分页排版\n {2}分页排版：50 页\n {2}分页排版：100 页\n✔ 分页排版 \d+\.\d 秒（120 页）\n… 写出文件\n✔ 写出文件 \d+\.\d 秒\n$/);
    expect(progress.steps.map(([name]) => name)).toEqual(['paginate', 'write']);
  });
});

describe('findBrowser', () => {
  it('should prefer PUPPETEER_EXECUTABLE_PATH and say when it points nowhere', () => {
    expect(findBrowser({PUPPETEER_EXECUTABLE_PATH: process.execPath})).toBe(process.execPath);
    expect(() => findBrowser({CHROME_PATH: '/nonexistent/chrome'})).toThrow(EnvironmentError);
  });

  it('should fall back to the usual install paths, then to the newest browser in puppeteer’s cache', async () => {
    const file = (version: string) => `chrome/linux-${version}/chrome-linux64/chrome`;
    const cache = await makeBook({[file('129.0')]: '', [file('131.0')]: ''});
    const binary = (version: string) => path.join(cache, file(version));
    const env = {HOME: '/nonexistent', PUPPETEER_CACHE_DIR: cache};
    // The machine's own browsers hidden: only these files exist.
    const pretend = (files: string[]) => (file: string) => files.some((f) => f === file || f.startsWith(`${file}/`));
    expect(findBrowser(env, pretend(['/usr/bin/google-chrome', binary('131.0')]))).toBe('/usr/bin/google-chrome');
    expect(findBrowser(env, pretend([binary('129.0'), binary('131.0')]))).toBe(binary('131.0'));
    expect(findBrowser(env, pretend([]))).toBeUndefined();
  });
});
