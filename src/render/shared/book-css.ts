import type {BookMeta} from '../../model/book.js';
import {FONT_VARIABLES} from './fonts.js';

/**
 * The part of the print stylesheet that comes from `book.yaml`: page size and the variables
 * templates use. Loaded before the template's own CSS, which may override any of it.
 */
/**
 * The design knobs: CSS custom properties huibian's stylesheets read, with their defaults and
 * what each sets. A book changes one in `templates/custom.css` (`:root { --body-size: 11pt; }`),
 * loaded after everything of huibian's, in every output; `huibian new` writes them all there,
 * commented out, and docs/styles.md lists them.
 */
export const KNOBS: ReadonlyArray<readonly [name: string, value: string, what: string]> = [
  ['--body-font', 'var(--font-song)', '正文字体（--font-song 宋体、--font-hei 黑体、--font-kai 楷体）'],
  ['--body-size', '10.5pt', '正文字号（10.5pt 为五号，12pt 为小四）'],
  ['--line-height', '1.75', '行距（字号的倍数）'],
  ['--paragraph-indent', '2em', '段首缩进'],
  ['--text-color', '#000', '正文颜色'],
  ['--heading-font', 'var(--font-hei)', '小标题字体'],
  ['--heading-size', '11.5pt', '二级标题（##）字号'],
  ['--title-font', 'var(--font-hei)', '篇名和封面书名的字体'],
  ['--title-size', '15pt', '篇名字号'],
  ['--subtitle-font', 'var(--font-kai)', '副题字体'],
  ['--cover-background', '#f4efe4', '封面底色'],
  ['--cover-band', '#9b1c1c', '封面色带的颜色'],
  ['--cover-title-size', '22pt', '封面书名字号'],
  ['--running-head-font', 'var(--font-song)', '书眉和页码的字体'],
  ['--running-head-size', '8pt', '书眉字号'],
  ['--running-head-color', '#000', '书眉颜色'],
  ['--running-head-rule', '0.4pt solid #000', '书眉下的线（none 为不要线）'],
  ['--folio-size', '9pt', '页码字号'],
];

/** The knobs with their defaults, as declarations for a `:root` rule. */
export const DESIGN_KNOBS = KNOBS.map(([name, value]) => `\n  ${name}: ${value};`).join('');

export function bookStylesheet(meta: BookMeta): string {
  const {width, height} = meta.pageSize;
  // Folios in the book's style (book.yaml folio), for the page templates' counter(page, huibian-folio).
  const folio = meta.folio === 'chinese' ? 'simp-chinese-informal' : 'decimal';
  return `@page { size: ${width}mm ${height}mm; }
@counter-style huibian-folio { system: extends ${folio}; }
:root {
  --page-width: ${width}mm;
  --page-height: ${height}mm;${DESIGN_KNOBS}
}
${FONT_VARIABLES}
`;
}
