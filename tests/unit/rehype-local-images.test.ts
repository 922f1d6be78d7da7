import {describe, expect, it} from 'vitest';
import {formatMessages} from '../../src/report/messages.js';
import {makeBook} from '../helpers/book.js';
import {JPEG, png} from '../helpers/images.js';
import {processText} from '../helpers/process.js';

describe('rehypeLocalImages', () => {
  it('should record each image once with its media type', async () => {
    const dir = await makeBook({'images/一.png': png(), 'images/b.jpg': JPEG});
    const {file} = await processText('---\ntitle: 题\n---\n\n![甲](images/一.png)\n\n![乙](images/%E4%B8%80.png)\n\n![丙](images/b.jpg)', {dir});
    expect(file.data.assets?.map((a) => a.mediaType)).toEqual(['image/png', 'image/jpeg']);
    expect(file.messages.filter((m) => m.fatal)).toEqual([]);
  });

  it('should fail on a missing image at its line and column', async () => {
    const dir = await makeBook({});
    const {file} = await processText('---\ntitle: 题\n---\n\n正文。\n\n  ![图](images/none.png)', {dir});
    expect(formatMessages([file], dir)).toMatch(/^a\.md:7:3: error: 找不到图片 `images\/none\.png`/);
  });

  it('should refuse network images and unknown types', async () => {
    const dir = await makeBook({'x.bmp': 'bmp'});
    const {file} = await processText('---\ntitle: 题\n---\n\n![a](https://example.com/a.png)\n\n![b](x.bmp)', {dir});
    const reasons = file.messages.map((m) => m.reason);
    expect(reasons[0]).toContain('不能使用网络或内嵌图片');
    expect(reasons[1]).toContain('不支持的图片格式');
  });
});
