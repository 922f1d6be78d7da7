import type {Nodes, Parents, Text} from 'mdast';

/** What stands in a block's text for inline code, an image, raw HTML or a line break. */
const OPAQUE = '\uFFFC';

/**
 * The text nodes of a paragraph, heading or table cell in reading order, through emphasis and
 * links; a bare link (an autolinked URL) is skipped, as typography never touches URLs. With
 * `opaque`, inline code, images, raw HTML and breaks stand in the list as a detached text
 * node of one U+FFFC each, so that the text around them is not read as touching: a space
 * between `，` and `code` is next to the code, not next to the comma.
 */
export function blockTexts(block: Parents, {opaque = false}: {opaque?: boolean} = {}): Text[] {
  const texts: Text[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'text') texts.push(node);
    else if (
      node.type === 'link' &&
      node.children.length === 1 &&
      node.children[0]?.type === 'text' &&
      node.children[0].value === node.url.replace(/^mailto:/, '')
    ) {
      if (opaque) texts.push({type: 'text', value: OPAQUE});
    } else if ('children' in node) for (const child of node.children) walk(child as Nodes);
    else if (opaque && ['inlineCode', 'image', 'html', 'break', 'footnoteReference', 'imageReference'].includes(node.type))
      texts.push({type: 'text', value: OPAQUE});
  };
  for (const child of block.children) walk(child as Nodes);
  return texts;
}
