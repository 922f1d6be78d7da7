import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildBook} from '../../src/outputs/build-book.js';
import {makeBook, manuscript} from '../helpers/book.js';
import {pdfInfo, wordBoxes} from '../helpers/pdf-tools.js';

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

  it('should give a full-width table in a vertical book the room of its side margins, so that the book prints as one document', async () => {
    // Three columns whose text wraps take the text area's whole width; with a note before them,
    // the page plan breaks to the page the table opens. Laid out wider in the book's one print
    // than in its piece (the cover's page is that print's first), the table took a page more
    // and the book was put together from its pieces, untagged.
    const table = `| 甲 | 乙 | 丙 |\n| --- | --- | --- |\n| ${'村里修了新路'.repeat(6)} | ${'合作社'.repeat(8)} | ${'学校食堂'.repeat(6)} |`;
    const opening = `河堤加固以后，汛期再没有漫过稻田。[^a]\n\n${'夜校开了电脑课，报名的多是年轻媳妇。'.repeat(12)}`;
    const dir = await makeBook({
      'book.yaml': 'title: 满宽表\n',
      'manuscripts/a.md': manuscript({title: '满宽'}, `${opening}\n\n${table}\n\n[^a]: 见会议记录。`),
    });
    const out = path.join(dir, 'book.pdf');
    await buildBook({bookDir: dir, format: 'pdf', out, writingMode: 'vertical'});
    expect((await pdfInfo(out)).Tagged).toBe('yes');
  });
});
