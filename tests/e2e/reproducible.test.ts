import {createHash} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {makeBook, smallBook} from '../helpers/book.js';
import {huibianProcess} from '../helpers/cli.js';

describe('reproducible output', () => {
  it('should write the same EPUB, byte for byte, with SOURCE_DATE_EPOCH in any time zone', async () => {
    const dir = await makeBook(smallBook());
    const digests: string[] = [];
    for (const zone of ['UTC', 'America/New_York', 'Asia/Shanghai']) {
      const out = path.join(dir, `${zone.replace('/', '-')}.epub`);
      // A process for each zone, started in it: as users run it.
      const result = await huibianProcess(['build', dir, '--format', 'epub', '--out', out], {env: {TZ: zone, SOURCE_DATE_EPOCH: '1733011200'}});
      expect(result.code, result.stderr).toBe(0);
      digests.push(
        createHash('sha256')
          .update(await readFile(out))
          .digest('hex'),
      );
    }
    expect(new Set(digests).size).toBe(1);
  });
});
