import type {Element, ElementContent} from 'hast';

/**
 * Ruby (注音) for `base` with `reading` (docs/typography.md rule 13). When the reading has one
 * syllable per character (`汉字` / `hàn zì`), each character gets its own `<rt>` (mono ruby,
 * which keeps pinyin over its character when lines break); otherwise the whole reading goes
 * over the whole base (group ruby). `<rp>` parentheses show in readers without ruby support.
 */
export function rubyElement(base: string, reading: string): Element {
  const chars = [...base];
  const syllables = reading.trim().split(/\s+/).filter(Boolean);
  const pairs: Array<[string, string]> =
    syllables.length === chars.length && chars.length > 1 ? chars.map((c, i) => [c, syllables[i]!]) : [[base, reading.trim()]];
  const children: ElementContent[] = pairs.flatMap(([b, r]): ElementContent[] => [
    {type: 'text', value: b},
    {type: 'element', tagName: 'rp', properties: {}, children: [{type: 'text', value: '('}]},
    {type: 'element', tagName: 'rt', properties: {}, children: [{type: 'text', value: r}]},
    {type: 'element', tagName: 'rp', properties: {}, children: [{type: 'text', value: ')'}]},
  ]);
  return {type: 'element', tagName: 'ruby', properties: {}, children};
}

/** Split text so that emphasis dots fall on characters, never on punctuation (clreq). */
export function emphasisRuns(text: string): Array<{text: string; dotted: boolean}> {
  const runs: Array<{text: string; dotted: boolean}> = [];
  for (const char of text) {
    const dotted = !/[\p{P}\s]/u.test(char);
    const last = runs.at(-1);
    if (last && last.dotted === dotted) last.text += char;
    else runs.push({text: char, dotted});
  }
  return runs;
}
