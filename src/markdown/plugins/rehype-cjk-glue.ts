import type {Root} from 'hast';
import {gluePieces} from '../../typography/glue.js';
import {hasClass, replaceTexts} from '../replace-texts.js';

const CODE = new Set(['code', 'pre', 'kbd', 'samp', 'svg', 'math']);

/** Wrap runs that must not break (see {@link gluePieces}) in `span.nobr` (`white-space: nowrap`). */
export default function rehypeCjkGlue() {
  return (tree: Root): void => {
    replaceTexts(
      tree,
      (element) => CODE.has(element.tagName) || hasClass(element, 'nobr'),
      (value) => {
        const pieces = gluePieces(value);
        if (pieces.every((p) => !p.glue)) return undefined;
        return pieces.map((p) =>
          p.glue
            ? {type: 'element', tagName: 'span', properties: {className: ['nobr']}, children: [{type: 'text', value: p.text}]}
            : {type: 'text', value: p.text},
        );
      },
    );
  };
}
