import type {BookMeta} from '../../model/book.js';
import {FONT_VARIABLES} from './fonts.js';

/**
 * The part of the print stylesheet that comes from `book.yaml`: page size and the variables
 * templates use. Loaded before the template's own CSS, which may override any of it.
 */
export function bookStylesheet(meta: BookMeta): string {
  const {width, height} = meta.pageSize;
  // Folios in the book's style (book.yaml folio), for the page templates' counter(page, huibian-folio).
  const folio = meta.folio === 'chinese' ? 'simp-chinese-informal' : 'decimal';
  return `@page { size: ${width}mm ${height}mm; }
@counter-style huibian-folio { system: extends ${folio}; }
:root {
  --page-width: ${width}mm;
  --page-height: ${height}mm;
}
${FONT_VARIABLES}
`;
}
