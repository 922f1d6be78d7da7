import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {Progress} from '../../src/cli/progress.js';

function capture(interactive: boolean): {progress: Progress; output(): string} {
  const stream = new PassThrough();
  let output = '';
  stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {progress: new Progress(stream as unknown as NodeJS.WriteStream, interactive), output: () => output};
}

describe('progress when the layout starts again', () => {
  it('should print one line for the retry and no tick for the abandoned step, its time still counted', () => {
    const {progress, output} = capture(false);
    progress.step('paginate');
    progress.detail('12 页', 12);
    progress.retry('浏览器的页面进程崩溃了');
    progress.step('paginate');
    progress.step('write');
    progress.end();
    expect(output()).toMatch(
      /^… 分页排版\n↻ 浏览器的页面进程崩溃了：用新的浏览器从头重排一次\n… 分页排版\n✔ 分页排版 \d+\.\d 秒\n… 写出文件\n✔ 写出文件 \d+\.\d 秒\n$/,
    );
    expect(progress.steps.map(([name]) => name)).toEqual(['paginate', 'paginate', 'write']);
  });

  it('should clear the line it was updating on a terminal first', () => {
    const {progress, output} = capture(true);
    progress.step('paginate');
    progress.retry('排版 120 秒没有进展');
    expect(output()).toBe('\r\x1b[K… 分页排版\r\x1b[K↻ 排版 120 秒没有进展：用新的浏览器从头重排一次\n');
  });
});
