import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildBook} from '../../src/outputs/build-book.js';
import {makeBook, smallBook} from '../helpers/book.js';
import {allPagesText, fonts} from '../helpers/pdf-tools.js';

describe('a Traditional Chinese book (--to zh-TW)', () => {
  it('should print Traditional text and labels in TC fonts, horizontally and vertically', async () => {
    const dir = await makeBook(smallBook());
    for (const writingMode of ['horizontal', 'vertical'] as const) {
      const out = path.join(os.tmpdir(), `huibian-tw-${writingMode}-${process.pid}.pdf`);
      await buildBook({bookDir: dir, format: 'pdf', out, language: 'zh-TW', writingMode});
      const text = (await allPagesText(out)).join('').replace(/\s+/g, '');
      expect(text).toContain('測試村年鑑');
      expect(text).toContain('目錄');
      expect(text).not.toContain('测试村');
      const families = new Set((await fonts(out)).map((f) => f.name.replace(/^[A-Z]{6}\+/, '').replace(/-.*$/, '')));
      expect(families.size).toBeGreaterThanOrEqual(2);
      expect([...families].filter((f) => !f.includes('TC'))).toEqual([]);
    }
  });
});
