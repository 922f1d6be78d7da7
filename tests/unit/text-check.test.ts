import {PDFDocument} from 'pdf-lib';
import {describe, expect, it} from 'vitest';
import {compareHan, pdfText, sectionLosses} from '../../src/render/pdf/text-check.js';

describe('text check', () => {
  it('should name lost and repeated Han characters, ignoring everything else', () => {
    expect(compareHan('春天 spring 的村庄', '春天的村庄 SPRING')).toBeUndefined();
    expect(compareHan('春天的村庄', '春天村')).toBe('丢失 2 字（如“的庄”）');
    expect(compareHan('春天', '春天春')).toBe('重复 1 字（如“春”）');
    // One glyph for two variant code points: as many characters, so no loss.
    expect(compareHan('青溪镇', '青溪鎭')).toBeUndefined();
    // A character no font has is warned about before; its empty box is no loss (issue 9, 𡵓 in tang300).
    expect(compareHan('山𡵓水', '山水', (c) => c !== '𡵓')).toBeUndefined();
    expect(compareHan('山𡵓水', '山', (c) => c !== '𡵓')).toBe('丢失 1 字（如“水”）');
  });

  it('should read the text a PDF draws', async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('Hello 12');
    expect(await pdfText(await doc.save())).toBe('Hello 12');
  });

  it('should trace lost text to the sections whose pages lack it, judging sections that share a page together', () => {
    const pages = ['春天来了', '夏天', '秋天到了冬天', '雪'];
    const sections = [
      {id: 'a1', page: 0, text: '春天来了', sharesPage: false},
      {id: 'a2', page: 1, text: '夏天很热', sharesPage: false},
      {id: 'a3', page: 2, text: '秋天到了', sharesPage: false},
      {id: 'a4', page: 2, text: '冬天下雪', sharesPage: true},
    ];
    expect(sectionLosses(sections, pages)).toEqual([
      {ids: ['a2'], problem: '丢失 2 字（如“很热”）'},
      {ids: ['a3', 'a4'], problem: '丢失 1 字（如“下”）'},
    ]);
    expect(sectionLosses(sections.slice(0, 1), pages.slice(0, 1))).toEqual([]);
  });
});
