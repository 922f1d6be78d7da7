import fc from 'fast-check';
import type {Root} from 'hast';
import {toString as textOf} from 'hast-util-to-string';
import {describe, expect, it} from 'vitest';
import {gluePieces} from '../../src/typography/glue.js';
import {normalizeText} from '../../src/typography/normalize.js';
import {verticalize, verticalQuotes} from '../../src/typography/vertical.js';

/** Text as news copy mixes it: Han, Latin, digits, half- and full-width punctuation, spaces, dashes and dots. */
const copy = fc
  .array(fc.constantFrom(...'镇村年月日发展工作群众aBcZ019 ,.:;?!()"\'-—…。，“”·・%/~（）'.split('')), {maxLength: 60})
  .map((chars) => chars.join(''));

/** What no normalization may touch: Han, letters and digits, in order. */
const words = (text: string) => text.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '');

/** What the build does to one paragraph: punctuation, spaces and quotes, until stable. */
const normalize = normalizeText;

describe('typography properties', () => {
  it('should never change Han, letters or digits, or their order', () => {
    fc.assert(
      fc.property(copy, (text) => words(normalize(text)) === words(text)),
      {numRuns: 500},
    );
  });

  it('should be idempotent', () => {
    fc.assert(
      fc.property(copy, (text) => {
        const once = normalize(text);
        return normalize(once) === once;
      }),
      {numRuns: 500},
    );
  });

  it('should glue without adding or losing text', () => {
    fc.assert(
      fc.property(
        copy,
        (text) =>
          gluePieces(text)
            .map((p) => p.text)
            .join('') === text,
      ),
    );
  });

  it('should change nothing but quotes when preparing vertical text', () => {
    fc.assert(
      fc.property(copy, (text) => {
        const tree: Root = {type: 'root', children: [{type: 'element', tagName: 'p', properties: {}, children: [{type: 'text', value: text}]}]};
        verticalize(tree);
        expect(textOf(tree)).toBe(verticalQuotes(text));
      }),
    );
  });
});
