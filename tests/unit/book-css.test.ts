import {describe, expect, it} from 'vitest';
import type {BookMeta} from '../../src/model/book.js';
import {readFile} from 'node:fs/promises';
import {bookStylesheet, KNOBS} from '../../src/render/shared/book-css.js';

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

  it('should give every design knob a default in the book stylesheet and a line in docs/styles.md', async () => {
    const docs = await readFile(new URL('../../docs/styles.md', import.meta.url), 'utf8');
    const css = bookStylesheet(meta('arabic'));
    for (const [name, value] of KNOBS) {
      expect(css).toContain(`${name}: ${value};`);
      expect(docs).toContain(`| \`${name}\` | \`${value}\` |`);
    }
  });
});
