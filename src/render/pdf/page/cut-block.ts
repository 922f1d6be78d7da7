/**
 * Cut a block of text at a character that starts a line, so that it prints the same as one
 * block: everything from (`node`, `offset`) on moves into a shallow copy placed after it,
 * which goes on without indent, start margin, padding or border (and, for a list item,
 * without a marker or number); the first part ends without end margin and, if justified,
 * with its last line justified. Code keeps its indent (the cut goes after the line break); a
 * word broken at a soft hyphen keeps a visible hyphen. Returns the copy. Used by the line
 * pass (long paragraphs into blocks) and the vertical notes (a page break inside a block).
 */
export function cutBlock(block: HTMLElement, node: Text, offset: number): HTMLElement {
  let at = offset;
  if (/^(pre|break-spaces)/.test(getComputedStyle(block).whiteSpace)) while (at > 0 && /[ \t]/.test(node.data[at - 1]!)) at--;
  if (at > 0 && node.data[at - 1] === '\u00AD') node.replaceData(at - 1, 1, '\u2010');
  const range = document.createRange();
  range.setStart(node, at);
  range.setEnd(block, block.childNodes.length);
  const rest = block.cloneNode(false) as HTMLElement;
  rest.removeAttribute('id');
  rest.append(range.extractContents());
  for (const copy of rest.querySelectorAll('[id]')) if (document.getElementById(copy.id) !== copy) copy.removeAttribute('id');
  rest.style.textIndent = '0';
  rest.style.marginBlockStart = '0';
  rest.style.paddingBlockStart = '0';
  rest.style.borderBlockStartWidth = '0';
  if (block.tagName === 'LI') {
    rest.style.listStyleType = 'none';
    rest.style.counterIncrement = 'list-item 0';
  }
  block.style.marginBlockEnd = '0';
  block.style.paddingBlockEnd = '0';
  block.style.borderBlockEndWidth = '0';
  if (getComputedStyle(block).textAlign === 'justify') block.style.textAlignLast = 'justify';
  block.after(rest);
  return rest;
}
