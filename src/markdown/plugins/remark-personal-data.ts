import type {Root} from 'mdast';
import type {VFile} from 'vfile';
import {digitsOf, findPersonalData, KIND_NAMES, maskPersonalData, type PersonalKind} from '../../typography/personal-data.js';
import {offsetToPoint, spelledAt, valueOffset} from '../source-places.js';
import {PRINTED_MATTER} from './remark-cjk-normalize.js';
import {visit} from '../visit.js';

declare module 'vfile' {
  interface DataMap {
    /** `--mask-personal`: print resident ID and mobile numbers masked (set before the manuscript compiles). */
    maskPersonal: boolean;
    /** book.yaml's `publicNumbers`, as their digits: printed as written, never reported. */
    publicNumbers: string[];
    /** How many numbers of each kind {@link remarkPersonalData} found (and, with `maskPersonal`, masked). */
    personalData: Record<PersonalKind, number>;
  }
}

/** Front matter that is printed somewhere: what is normalized, and the chronology's line (tags apart). */
const MATTER = [...PRINTED_MATTER, 'summary'] as const;

/**
 * Find resident ID and mobile numbers (审读) in everything a manuscript prints: its text, code,
 * raw HTML, images' alt texts and printed front matter (a `tel:` link's address is dropped by
 * the sanitizer). With `lint` (`huibian
 * check`), each is a warning at its place; in a build with `maskPersonal`, each is masked
 * (`110105********123X`, `138****5678`); a number book.yaml lists in `publicNumbers` is meant
 * to be printed and left alone. Either way the counts go to `file.data.personalData`,
 * for the build's one line about them.
 */
export default function remarkPersonalData(options?: {lint?: boolean}) {
  const lint = options?.lint ?? false;
  return (tree: Root, file: VFile): void => {
    const mask = !lint && file.data.maskPersonal === true;
    const source = String(file.value);
    const counts: Record<PersonalKind, number> = {id: 0, mobile: 0};
    // `offset`: where `value` is spelled in the source; else `place`, the start of what holds it.
    const meant = new Set(file.data.publicNumbers);
    const look = (value: string, offset: number | undefined, place: {line: number; column: number} | undefined): string => {
      const found = findPersonalData(value).filter((match) => !meant.has(digitsOf(value.slice(match.start, match.end))));
      for (const match of found) {
        counts[match.kind]++;
        if (!lint) continue;
        file.message(
          `疑似${KIND_NAMES[match.kind]}（${match.masked}）：公开印发前请核实——删去，构建时加 --mask-personal 遮盖，或本就公开的号码列入 book.yaml 的 publicNumbers`,
          {
            place: offset === undefined ? place : offsetToPoint(source, offset + match.start),
            ruleId: 'personal-data',
            source: 'huibian',
          },
        );
      }
      return mask && found.length > 0 ? maskPersonalData(value, found) : value;
    };
    visit(tree, (node) => {
      if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code' || node.type === 'html') {
        node.value = look(node.value, spelledAt(source, node, node.value), node.position?.start);
      } else if (node.type === 'image' && node.alt) {
        node.alt = look(node.alt, spelledAt(source, node, node.alt), node.position?.start);
      }
    });
    const matter = file.data.matter;
    if (matter) {
      for (const key of MATTER) {
        const value = matter[key];
        if (value === undefined) continue;
        const keyPlace = file.data.matterLines?.[key];
        matter[key] = look(value, keyPlace && valueOffset(source, keyPlace.line, value), keyPlace);
      }
      matter.tags = matter.tags.map((tag) => look(tag, undefined, file.data.matterLines?.tags));
    }
    file.data.personalData = counts;
  };
}
