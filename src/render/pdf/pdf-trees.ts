/**
 * PDF's number and name trees (PDF 32000-1 §7.9.6, §7.9.7) read whole: page labels, the
 * structure's parent tree, named destinations. Kids deeper than 32 levels are not followed (a
 * loop in a damaged file would never end).
 */
import {PDFArray, PDFDict, PDFName, type PDFObject} from 'pdf-lib';

/** Every key and value of the tree at `root` (`Nums` for a number tree, `Names` for a name tree), in the order stored. */
export function treeEntries(root: PDFObject | undefined, kind: 'Nums' | 'Names'): Array<[PDFObject, PDFObject]> {
  const entries: Array<[PDFObject, PDFObject]> = [];
  const visit = (node: PDFObject | undefined, depth: number) => {
    if (!(node instanceof PDFDict) || depth > 32) return;
    const leaves = node.lookup(PDFName.of(kind));
    if (leaves instanceof PDFArray) {
      for (let i = 0; i + 1 < leaves.size(); i += 2) {
        const [key, value] = [leaves.lookup(i), leaves.lookup(i + 1)];
        if (key && value) entries.push([key, value]);
      }
    }
    const kids = node.lookup(PDFName.of('Kids'));
    if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) visit(kids.lookup(i), depth + 1);
  };
  visit(root, 0);
  return entries;
}
