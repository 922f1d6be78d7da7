/**
 * What the tagged PDF needs the print document to say: figures' names, what a code block and
 * a table are, and the book's table of contents, notes and index as a tagged PDF types them
 * (TOC, Note, Index).
 * Chromium's print writes them as plain groups (NonStruct) whatever their ARIA role; the one
 * attribute of an element it carries into the structure is a language that differs from its
 * parent's. So the element says what it is in a private-use subtag of the book's language
 * (`zh-Hans-x-toc`: still zh-Hans to fonts, line breaking and `:lang()`), and
 * pdf/tagged/structure-types.ts turns the subtag into the type and takes it out again.
 */
import type {Element, Root} from 'hast';
import {selectAll} from 'hast-util-select';
import {toString as textOf} from 'hast-util-to-string';

/**
 * The elements a tagged PDF types and what they are, by the classes the print document gives
 * them: the contents' list, each note (at its call, or at its article's end), the index. All
 * blocks when printed (a note at its call floats): Chromium gives inline elements no language
 * of their own. Tested on an element and its parent and grandparent (`.article-notes > ol > li`).
 */
const MARKED: Array<[test: (node: Element, parent?: Element, grandparent?: Element) => boolean, mark: 'toc' | 'note' | 'index']> = [
  [(node) => node.tagName === 'ol' && hasClass(node, 'toc-list'), 'toc'],
  [(node) => node.tagName === 'span' && hasClass(node, 'footnote'), 'note'],
  [
    (node, parent, grandparent) => node.tagName === 'li' && parent?.tagName === 'ol' && grandparent !== undefined && hasClass(grandparent, 'article-notes'),
    'note',
  ],
  [(node) => node.tagName === 'section' && hasClass(node, 'book-index'), 'index'],
];

/**
 * Roles Chromium does map (measured, Chromium 156): a code block is a plain group (NonStruct)
 * unless it says it is a paragraph; a table with no header cells, as the rows Paged.js carries
 * over to the next page are, is taken for a layout table and its cells for plain groups,
 * unless it says it is a table.
 */
const ROLES = new Map([
  ['pre', 'paragraph'],
  ['table', 'table'],
]);

/** Mark the print document `tree` (in the book's `language`) for a tagged PDF, and name its figures. In place, in one walk (a book's pieces are many). */
export function markForTaggedPdf(tree: Root, language: string): void {
  const figures: Element[] = [];
  const walk = (node: Element, parent?: Element, grandparent?: Element) => {
    const mark = MARKED.find(([test]) => test(node, parent, grandparent));
    if (mark) node.properties.lang = `${language}-x-${mark[1]}`;
    const role = ROLES.get(node.tagName);
    if (role) node.properties.role ??= role;
    if (node.tagName === 'figure' && node.properties.ariaLabel === undefined) figures.push(node);
    for (const child of node.children) if (child.type === 'element') walk(child, node, parent);
  };
  for (const child of tree.children) if (child.type === 'element') walk(child);
  nameFigures(figures);
}

function hasClass(node: Element, name: string): boolean {
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.includes(name);
}

/**
 * Name each figure by what it shows: Chromium gives a figure's images their alt text but the
 * figure around them (image and caption) none, and a Figure without one fails PDF/UA. The
 * images' alt texts, or else the caption.
 */
function nameFigures(figures: Element[]): void {
  for (const figure of figures) {
    const alts = selectAll('img[alt], [aria-label]', figure).map((image) => String(image.properties.alt ?? image.properties.ariaLabel ?? '').trim());
    const caption = selectAll('figcaption', figure).map(textOf).join('').trim();
    const name = alts.filter(Boolean).join('；') || caption;
    if (name) figure.properties.ariaLabel = name;
  }
}
