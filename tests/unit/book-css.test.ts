import {describe, expect, it} from 'vitest';
import type {BookMeta} from '../../src/model/book.js';
import {bookStylesheet} from '../../src/render/shared/book-css.js';

const meta = (folio: BookMeta['folio']) => ({pageSize: {name: 'A5', width: 148, height: 210}, folio}) as BookMeta;

describe('the book stylesheet', () => {
  it('should set the page size and the variables templates use', () => {
    const css = bookStylesheet(meta('arabic'));
    expect(css).toContain('@page { size: 148mm 210mm; }');
    expect(css).toContain('--page-height: 210mm;');
    expect(css).toContain("--font-song: 'Huibian Song'");
  });

  it('should give folios the style book.yaml asks for', () => {
    expect(bookStylesheet(meta('arabic'))).toContain('@counter-style huibian-folio { system: extends decimal; }');
    expect(bookStylesheet(meta('chinese'))).toContain('@counter-style huibian-folio { system: extends simp-chinese-informal; }');
  });
});
