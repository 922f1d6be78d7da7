import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildBook} from '../../src/outputs/build-book.js';
import {makeBook, manuscript} from '../helpers/book.js';
import {wordBoxes} from '../helpers/pdf-tools.js';

describe('text conservation', () => {
  it('should shrink a table wider than the text area instead of clipping it, in both modes', async () => {
    const row = (cell: string) => `| ${Array.from({length: 25}, () => cell).join(' | ')} |`;
    const body = `${row('列')}\n${row('---')}\n${row('数据123')}`;
    const dir = await makeBook({'book.yaml': 'title: 宽表测试\n', 'manuscripts/a.md': manuscript({title: '宽表'}, body)});
    for (const writingMode of ['horizontal', 'vertical'] as const) {
      const out = path.join(os.tmpdir(), `huibian-wide-${writingMode}-${process.pid}.pdf`);
      await buildBook({bookDir: dir, format: 'pdf', out, writingMode});
      const words = (await wordBoxes(out)).flat().filter((w) => /[数据]|123/.test(w.text));
      expect(words.length).toBeGreaterThan(20);
      for (const word of words) expect(word.xMin >= 28 && word.xMax <= 420 - 28, `${word.text} at ${word.xMin}–${word.xMax}`).toBe(true);
    }
    // Unbreakable Latin words in 25 columns cannot fit even at 55 %.
    const wide = `${row('列')}\n${row('---')}\n${row('ABCDEFGHIJKL')}`;
    const tooWide = await makeBook({'book.yaml': 'title: 宽表测试\n', 'manuscripts/a.md': manuscript({title: '太宽'}, wide)});
    const error = await buildBook({bookDir: tooWide, format: 'pdf', out: path.join(tooWide, 'x.pdf')}).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/个表格太宽/);
  });
});
