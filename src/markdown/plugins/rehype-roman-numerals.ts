import type {Root} from 'hast';
import {visit} from '../visit.js';
import {latinRomanNumerals} from '../../typography/roman-numerals.js';

/** Spell Ⅰ–Ⅻ with Latin letters in all text (see {@link latinRomanNumerals}). */
export default function rehypeRomanNumerals() {
  return (tree: Root): void => {
    visit(tree, 'text', (node) => {
      node.value = latinRomanNumerals(node.value);
    });
  };
}
