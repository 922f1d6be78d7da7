/**
 * Links between pieces of a book printed apart (the front matter, the body's chunks, the back
 * matter), which pdf-lib puts together afterwards. Chromium writes a link only when its
 * target is in the same document, and a named destination only for an element some link
 * points at (measured: a link to an absent id is dropped; a target no link names gets no
 * destination). So each piece gets, out of sight: an empty element for every id it links to
 * elsewhere (the link is then written, naming the id), and a link to every anchor it holds
 * (each then gets a destination). `resolveNamedLinks` joins names to destinations across pieces.
 */
import type {ElementContent, Root} from 'hast';
import {h} from 'hastscript';
import {visit} from '../../markdown/visit.js';

/** Add the hidden link targets and anchors to the end of a piece's content (in place). */
export function linkAcrossPieces(content: ElementContent[]): void {
  const present = new Set<string>();
  // Note calls and their notes link within the piece: only sections and index marks are offered.
  const ids = new Set<string>();
  const linked = new Set<string>();
  visit({type: 'root', children: content} as Root, (node) => {
    if (node.type !== 'element') return undefined;
    const {id, href, dataTocId} = node.properties;
    if (typeof id === 'string') {
      present.add(id);
      if (dataTocId !== undefined || id.startsWith('ix-')) ids.add(id);
    }
    if (typeof href === 'string' && href.startsWith('#')) linked.add(decodeURIComponent(href.slice(1)));
    return undefined;
  });
  const elsewhere = [...linked].filter((id) => !present.has(id));
  if (ids.size === 0 && elsewhere.length === 0) return;
  const links = h('div.piece-links', {hidden: true, ariaHidden: 'true'}, [
    ...elsewhere.map((id) => h('span', {id})),
    ...[...ids].map((id) => h('a', {href: `#${id}`})),
  ]);
  // Last: Paged.js opens a page for anything before the first section, or inside the last one.
  content.push(links);
}
