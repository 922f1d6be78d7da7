/** The text area of a page, in CSS pixels. */
export interface TextArea {
  width: number;
  height: number;
}

/**
 * The text area of a page: the page size (book.css) less the margins of the plain `@page`
 * rules (the last that sets each side wins). Measured once per document, for the table
 * fitting and the line pass.
 */
export function textArea(): TextArea {
  const rules = [...document.styleSheets]
    .flatMap((sheet) => [...sheet.cssRules])
    .filter((rule): rule is CSSPageRule => rule instanceof CSSPageRule && rule.selectorText === '');
  const margin = (side: 'marginTop' | 'marginRight' | 'marginBottom' | 'marginLeft') =>
    rules
      .map((r) => r.style[side])
      .filter(Boolean)
      .at(-1) || '18mm';
  const probe = document.createElement('div');
  probe.style.cssText =
    'position:absolute;top:0;left:0;visibility:hidden;writing-mode:horizontal-tb;' +
    `width:calc(var(--page-width) - ${margin('marginLeft')} - ${margin('marginRight')});` +
    `height:calc(var(--page-height) - ${margin('marginTop')} - ${margin('marginBottom')})`;
  document.body.append(probe);
  const {width, height} = probe.getBoundingClientRect();
  probe.remove();
  return {width, height};
}
