import {fromHtml} from 'hast-util-from-html';
import {select} from 'hast-util-select';
import {toString as textOf} from 'hast-util-to-string';
import {describe, expect, it} from 'vitest';
import {compileBook} from '../../src/book/compile.js';
import {loadConfig} from '../../src/config/load.js';
import {coverDocument, spreadCss} from '../../src/render/pdf/cover-document.js';
import {MIN_SPINE_TEXT, spineOf, spineType, spreadOf} from '../../src/render/pdf/spread-geometry.js';
import {makeBook, smallBook} from '../helpers/book.js';

const A5 = {width: 148, height: 210};

describe('the spine', () => {
  it('should be one paper thickness per sheet, a sheet being two pages (an odd last page takes a sheet)', () => {
    expect(spineOf(64, 0.1)).toMatchObject({pages: 64, sheets: 32});
    expect(spineOf(64, 0.1).width).toBeCloseTo(3.2, 10);
    expect(spineOf(57, 0.1).sheets).toBe(29);
    expect(spineOf(57, 0.09).width).toBeCloseTo(2.61, 10);
    expect(spineOf(1, 0.1).sheets).toBe(1);
  });

  it('should carry text only from the threshold up, sized to its width and never larger than 16 pt', () => {
    expect(spineType(MIN_SPINE_TEXT - 0.01)).toBeUndefined();
    const narrow = spineType(MIN_SPINE_TEXT)!;
    expect(narrow.title).toBeCloseTo(5 * 0.6 * (72 / 25.4), 5);
    expect(narrow.author).toBeLessThan(narrow.title);
    expect(spineType(40)!.title).toBe(16);
  });
});

describe('the cover sheet', () => {
  it('should put back, spine, front from left to right for a book bound on the left, bleed all round', () => {
    const s = spreadOf({trim: A5, spine: 5.8, bleed: 3, binding: 'left'});
    expect(s.width).toBeCloseTo(2 * 148 + 5.8 + 2 * 3, 10);
    expect(s.height).toBe(216);
    expect(s.back).toEqual({x: 3, width: 148});
    expect(s.spine.x).toBe(151);
    expect(s.spine.width).toBe(5.8);
    expect(s.front.x).toBeCloseTo(156.8, 10);
    expect(s.front.x + s.front.width + s.bleed).toBeCloseTo(s.width, 10);
  });

  it('should put front, spine, back from left to right for a book bound on the right (vertical)', () => {
    const s = spreadOf({trim: A5, spine: 3.2, bleed: 3, binding: 'right'});
    expect(s.front).toEqual({x: 3, width: 148});
    expect(s.spine).toEqual({x: 151, width: 3.2});
    expect(s.back.x).toBeCloseTo(154.2, 10);
    expect(s.width).toBeCloseTo(305.2, 10);
  });

  it('should size the page to the sheet with no margin, the front cover page too', () => {
    const css = spreadCss(spreadOf({trim: A5, spine: 3.2, bleed: 3, binding: 'left'}));
    expect(css).toContain('@page { size: 305.2mm 216mm; margin: 0; }');
    expect(css).toContain('@page cover { size: 305.2mm 216mm; margin: 0; }');
    expect(css).toContain('--front-x: 154.2mm;');
    expect(css).toContain('--spine-title-size: 0pt;');
  });

  it('should set the book’s own cover section as the front, title and author on a wide spine, publisher on the back', async () => {
    const {book} = await compileBook(
      await loadConfig(await makeBook({...smallBook(), 'book.yaml': 'title: 测试村年鉴\nauthor: 测试村委会\npublisher: 测试村委会（内部资料）\nyear: 2025\n'})),
    );
    const tree = fromHtml(coverDocument(book, spreadOf({trim: A5, spine: 8, bleed: 3, binding: 'left'}), ['a.css', 'b.css']));
    expect(select('.spread-front > section.cover > h1.cover-title', tree)).toBeTruthy();
    expect(textOf(select('.spine-title', tree)!)).toBe('测试村年鉴');
    expect(textOf(select('.spine-author', tree)!)).toBe('测试村委会');
    expect(textOf(select('.spread-back', tree)!)).toBe('测试村委会（内部资料）2025');
    expect(select('html', tree)!.properties.className).toContain('mode-horizontal');
  });

  it('should leave a narrow spine without text', async () => {
    const {book} = await compileBook(await loadConfig(await makeBook(smallBook())));
    const tree = fromHtml(coverDocument(book, spreadOf({trim: A5, spine: 4.9, bleed: 3, binding: 'left'}), []));
    expect(select('.spread-spine', tree)!.children).toEqual([]);
    // No publisher: nothing on the back.
    expect(select('.spread-back', tree)!.children).toEqual([]);
  });
});
