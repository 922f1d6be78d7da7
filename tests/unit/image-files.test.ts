import {execFile} from 'node:child_process';
import {chmod, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {promisify} from 'node:util';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import {imageFileProblem, imagePixels} from '../../src/files/image-files.js';
import {processManuscript} from '../../src/markdown/processor.js';
import {makeBook} from '../helpers/book.js';
import {JPEG, png} from '../helpers/images.js';
import {root} from '../helpers/sample.js';

/**
 * imageFileProblem as a user without root's rights meets it: root reads every file, so a root
 * test process asks a process of the user nobody (the compiled module, as the command has it).
 */
async function asUnprivileged(file: string, mediaType: string): Promise<string | undefined> {
  if (process.getuid?.() !== 0) return imageFileProblem(file, mediaType);
  await chmod(path.dirname(file), 0o755);
  const module = pathToFileURL(path.join(root, 'dist', 'files', 'image-files.js')).href;
  const script = `const {imageFileProblem} = await import(${JSON.stringify(module)});
    process.stdout.write(JSON.stringify((await imageFileProblem(${JSON.stringify(file)}, ${JSON.stringify(mediaType)})) ?? null));`;
  const {stdout} = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {uid: 65534, gid: 65534});
  return (JSON.parse(stdout) as string | null) ?? undefined;
}

// Structurally complete files of the other formats: header, a body, the end marker.
const GIF = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(20), Buffer.from([0x3b])]);
function webp(length: number, declared = length - 8): Buffer {
  const bytes = Buffer.alloc(length);
  bytes.write('RIFF', 0, 'latin1');
  bytes.writeUInt32LE(declared, 4);
  bytes.write('WEBP', 8, 'latin1');
  return bytes;
}

describe('imageFileProblem: images that cannot be printed', () => {
  const cases: Array<[string, string, Buffer | string, string | undefined]> = [
    ['a whole PNG', 'image/png', png(), undefined],
    ['a PNG cut off in a copy', 'image/png', png().subarray(0, 60), '不完整（文件被截断）'],
    ['text named .png', 'image/png', 'not a picture', '不是 PNG 图片'],
    ['an empty file', 'image/png', '', '是空文件'],
    ['a whole JPEG', 'image/jpeg', JPEG, undefined],
    ['a JPEG without its end', 'image/jpeg', JPEG.subarray(0, JPEG.length - 2), '不完整（文件被截断）'],
    ['a PNG named .jpg', 'image/jpeg', png(), '不是 JPEG 图片'],
    ['a whole GIF', 'image/gif', GIF, undefined],
    ['a GIF without its trailer', 'image/gif', GIF.subarray(0, GIF.length - 1), '不完整（文件被截断）'],
    ['a whole WebP', 'image/webp', webp(40), undefined],
    ['a WebP shorter than it says', 'image/webp', webp(40, 400), '不完整（文件被截断）'],
    ['an SVG', 'image/svg+xml', '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', undefined],
    ['HTML named .svg', 'image/svg+xml', '<html><body>x</body></html>', '不是 SVG 图片'],
  ];
  for (const [what, mediaType, content, expected] of cases) {
    it(`should say ${expected ?? 'nothing'} of ${what}`, async () => {
      const dir = await makeBook({'image.bin': content});
      expect(await imageFileProblem(path.join(dir, 'image.bin'), mediaType)).toBe(expected);
    });
  }

  it('should say it cannot be read when the file has no read permission', async () => {
    const dir = await makeBook({'image.png': png()});
    await chmod(path.join(dir, 'image.png'), 0o000);
    expect(await asUnprivileged(path.join(dir, 'image.png'), 'image/png')).toBe('没有读取权限');
  });

  it('should read the pixel size of a PNG', async () => {
    const dir = await makeBook({'image.png': png()});
    expect(await imagePixels(path.join(dir, 'image.png'))).toEqual({width: 40, height: 30});
  });
});

describe('a missing or broken image in a manuscript', () => {
  async function process(allowMissingImages: boolean): Promise<{file: VFile; html: string}> {
    const dir = await makeBook({'manuscripts/images/cut.png': png().subarray(0, 60)});
    const source = '---\ntitle: 图\n---\n\n![照片](images/none.png)\n\n![截断的](images/cut.png)\n';
    const file = new VFile({value: source, path: 'manuscripts/a.md', cwd: dir, data: {idPrefix: 'm1', allowMissingImages}});
    await writeFile(path.join(dir, 'manuscripts', 'a.md'), source);
    const tree = await processManuscript(file);
    return {file, html: JSON.stringify(tree)};
  }

  it('should be an error at its place, naming the file', async () => {
    const {file} = await process(false);
    const messages = file.messages.map((m) => `${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.reason}`);
    expect(messages).toEqual([
      expect.stringMatching(/^5:1 error 找不到图片 `images\/none\.png`/),
      expect.stringMatching(/^7:1 error 图片 `images\/cut\.png` 不完整（文件被截断）/),
    ]);
  });

  it('should be a warning and a marked gap with --allow-missing-images', async () => {
    const {file, html} = await process(true);
    expect(file.messages.map((m) => m.fatal)).toEqual([false, false]);
    expect(file.messages.every((m) => m.reason.includes('--allow-missing-images'))).toBe(true);
    expect(html).toContain('［缺图：images/none.png］');
    expect(html).toContain('［缺图：images/cut.png］');
  });
});
