import {createHash} from 'node:crypto';
import {existsSync} from 'node:fs';
import {readdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {makeBook, smallBook} from '../helpers/book.js';
import {huibian, startBuild} from '../helpers/cli.js';
import {browserProcesses, until} from '../helpers/waiting.js';

const sha256 = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

// Ctrl-C is sent the moment the build prints the step's line. Each step lasts seconds here: the
// book's pages come from the cache of a first build, so that stitching them, the press PDF's
// checks and the EPUB's font subsets take the time, not the layout before them.
describe('Ctrl-C in the last steps of a build (issue 21 defect 6)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeBook(
      smallBook({'book.yaml': 'title: 测试村年鉴\nauthor: 测试村委会\nyear: 2025\nparts:\n  - 村务\n  - 生活\nepub:\n  embedFonts: true\n'}),
    );
    const first = await huibian(['build', dir]);
    expect(first.code, first.stderr).toBe(0);
  });

  for (const {step, args, out} of [
    {step: '生成 PDF', args: [], out: 'book.pdf'},
    {step: '写出文件', args: ['--press'], out: 'press.pdf'},
    {step: '写出文件', args: ['--format', 'epub'], out: 'book.epub'},
  ]) {
    it(`should exit 130, write nothing and keep the previous ${out} byte for byte on Ctrl-C during “${step}”`, async () => {
      const previous = path.join(dir, 'build', out);
      if (!existsSync(previous)) await writeFile(previous, `the last good ${out}`);
      const before = await sha256(previous);
      const build = startBuild([dir, ...args, '--out', previous]);
      await build.printed(`… ${step}`);
      build.child.kill('SIGINT');
      expect(await build.exited, build.stderr()).toBe(130);
      expect(build.stderr()).toMatch(/✖ 已取消，未写出任何文件；上次的 .*保持原样，未更新\n$/);
      expect(await sha256(previous)).toBe(before);
      // Nothing half-written beside it (the layout cache aside).
      expect((await readdir(path.join(dir, 'build'))).filter((name) => name.startsWith('.') && name !== '.cache')).toEqual([]);
      expect(await until(() => browserProcesses(`huibian-chromium-${build.child.pid}-`) === 0, 10_000)).toBe(true);
    });
  }
});
