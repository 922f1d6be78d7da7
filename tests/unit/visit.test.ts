import fc from 'fast-check';
import {visit as libraryVisit, SKIP as librarySkip, EXIT as libraryExit} from 'unist-util-visit';
import {describe, expect, it} from 'vitest';
import {EXIT, SKIP, visit} from '../../src/markdown/visit.js';

interface TestNode {
  type: string;
  id: number;
  children?: TestNode[];
}

const leafOrParent: fc.Arbitrary<TestNode> = fc.letrec<{node: TestNode}>((tie) => ({
  node: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    fc.record({type: fc.constantFrom('a', 'b'), id: fc.constant(0)}),
    fc.record({type: fc.constantFrom('a', 'b'), id: fc.constant(0), children: fc.array(tie('node'), {maxLength: 4})}),
  ),
})).node;

/** A tree with unique ids, numbered in document order. */
const trees = fc.record({type: fc.constant('root'), id: fc.constant(0), children: fc.array(leafOrParent, {maxLength: 5})}).map((tree) => {
  let n = 0;
  const number = (node: TestNode): TestNode => ({...node, id: n++, ...(node.children ? {children: node.children.map(number)} : {})});
  return number(tree);
});

/**
 * A visitor that does what the pipeline's plugins do, as the next choice says: nothing, skip,
 * stop, remove the node, unwrap it, replace it and skip the replacement, jump ahead, insert a
 * sibling. It logs every call. `skip` and `exit` are the constants of the walk under test.
 */
function visitorFor(choices: number[], log: string[], skip: unknown, exit: unknown) {
  let call = 0;
  let fresh = 1000;
  return (node: TestNode, index: number | undefined, parent: TestNode | undefined): unknown => {
    log.push(`${node.id}@${index}<${parent?.id}`);
    const choice = choices[call++] ?? 0;
    const siblings = parent?.children;
    if (!siblings || index === undefined) return choice % 3 === 1 ? skip : undefined;
    switch (choice) {
      case 1:
        return skip;
      case 2:
        return exit;
      case 3:
        siblings.splice(index, 1);
        return index;
      case 4:
        if (!node.children) return undefined;
        siblings.splice(index, 1, ...node.children);
        return index;
      case 5:
        siblings.splice(index, 1, {type: 'a', id: fresh++}, {type: 'b', id: fresh++, children: [{type: 'a', id: fresh++}]});
        return [skip, index + 2];
      case 6:
        return index + 1;
      case 7:
        siblings.splice(index + 1, 0, {type: 'b', id: fresh++});
        return undefined;
      case 8:
        return [skip];
      case 9:
        return [];
      case 10:
        return index + 2;
      case 11:
        node.children = [{type: 'a', id: fresh++}];
        return undefined;
      default:
        return undefined;
    }
  };
}

describe('visit', () => {
  it('should walk, and follow a visitor’s answers and changes, as unist-util-visit does', () => {
    fc.assert(
      fc.property(trees, fc.array(fc.nat(14), {maxLength: 60}), fc.constantFrom(undefined, 'a', 'b'), (tree, choices, test) => {
        const mine = structuredClone(tree);
        const theirs = structuredClone(tree);
        const mineLog: string[] = [];
        const theirLog: string[] = [];
        const ours = visitorFor(choices, mineLog, SKIP, EXIT);
        const library = visitorFor(choices, theirLog, librarySkip, libraryExit);
        if (test) {
          visit(mine, test, ours as never);
          libraryVisit(theirs, test, library as never);
        } else {
          visit(mine, ours as never);
          libraryVisit(theirs, library as never);
        }
        expect(mineLog).toEqual(theirLog);
        expect(mine).toEqual(theirs);
      }),
      {numRuns: 2000},
    );
  });
});
