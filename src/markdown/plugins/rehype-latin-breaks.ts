import type {ElementContent, Root} from 'hast';
import {latinBreaks} from '../../typography/latin-breaks.js';
import {hasClass, replaceTexts} from '../replace-texts.js';

/** Elements whose text must not get break points: preformatted code, drawings, glued runs. */
const KEEP = new Set(['pre', 'svg', 'math', 'script', 'style']);

/**
 * Put `<wbr>` where a long Latin run may break (see {@link latinBreaks}), in prose, links and
 * inline code alike: a path or URL then wraps like a typesetter would wrap it, instead of
 * leaving the line before it stretched letter by letter (docs/typography.md rule 22).
 */
export default function rehypeLatinBreaks() {
  return (tree: Root): void => {
    replaceTexts(
      tree,
      (element) => KEEP.has(element.tagName) || hasClass(element, 'nobr'),
      (value) => {
        const breaks = latinBreaks(value);
        if (breaks.length === 0) return undefined;
        const pieces: ElementContent[] = [];
        let last = 0;
        for (const at of [...breaks, value.length]) {
          if (pieces.length > 0) pieces.push({type: 'element', tagName: 'wbr', properties: {}, children: []});
          pieces.push({type: 'text', value: value.slice(last, at)});
          last = at;
        }
        return pieces;
      },
    );
  };
}
