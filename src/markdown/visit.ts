import {type BuildVisitor, CONTINUE, EXIT, SKIP} from 'unist-util-visit';

export {EXIT, SKIP};

interface UnistNode {
  type: string;
}
interface UnistParent extends UnistNode {
  children: UnistNode[];
}
type AnyVisitor = (node: UnistNode, index: number | undefined, parent: UnistParent | undefined) => unknown;

/**
 * `visit` of unist-util-visit (preorder, with an optional node type as the test), the same
 * walk with the same answers to a visitor's `SKIP`, `EXIT`, index or `[action, index]`, and
 * the same view of changes made on entering a node. It builds no closure, ancestor list or
 * debug name per node as the library does: the pipeline walks every manuscript's tree some
 * fifteen times, and that bookkeeping cost more than the plugins' own work.
 */
export function visit<Tree extends UnistNode, Check extends string>(tree: Tree, check: Check, visitor: BuildVisitor<Tree, Check>): void;
export function visit<Tree extends UnistNode>(tree: Tree, visitor: BuildVisitor<Tree>): void;
export function visit(tree: UnistNode, checkOrVisitor: string | AnyVisitor, maybeVisitor?: AnyVisitor): void {
  const type = typeof checkOrVisitor === 'string' ? checkOrVisitor : undefined;
  const visitor = (type === undefined ? checkOrVisitor : maybeVisitor) as AnyVisitor;
  /** The index part of the result of the node {@link walk} last returned from (where its parent goes on). */
  let resumeAt: number | undefined;

  /** Visit `node` and its descendants; returns the node's action, its index in {@link resumeAt}. */
  const walk = (node: UnistNode, index: number | undefined, parent: UnistParent | undefined): unknown => {
    let action: unknown = CONTINUE;
    let at: number | undefined;
    if (type === undefined || node.type === type) {
      const value = visitor(node, index, parent);
      if (Array.isArray(value)) {
        action = value[0];
        at = typeof value[1] === 'number' ? value[1] : undefined;
      } else if (typeof value === 'number') at = value;
      else if (value !== null && value !== undefined) action = value;
      if (action === EXIT) return EXIT;
    }
    const children = (node as Partial<UnistParent>).children;
    if (children && action !== SKIP) {
      const self = node as UnistParent;
      let offset = 0;
      while (offset > -1 && offset < self.children.length) {
        if (walk(self.children[offset]!, offset, self) === EXIT) return EXIT;
        offset = resumeAt ?? offset + 1;
      }
    }
    resumeAt = at;
    return action;
  };

  walk(tree, undefined, undefined);
}
