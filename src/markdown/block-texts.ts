import type {Nodes, Parents, Text} from 'mdast';

/**
 * The text nodes of a paragraph, heading or table cell in reading order, through emphasis and
 * links; code and HTML have no text nodes, and a bare link (an autolinked URL) is skipped, as
 * typography never touches URLs.
 */
export function blockTexts(block: Parents): Text[] {
  const texts: Text[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'text') texts.push(node);
    else if (node.type === 'link' && node.children.length === 1 && node.children[0]?.type === 'text' && node.children[0].value === node.url.replace(/^mailto:/, '')) return;
    else if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  for (const child of block.children) walk(child as Nodes);
  return texts;
}
