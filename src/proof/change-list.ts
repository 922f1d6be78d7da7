/**
 * The list of changes (改动清单) that opens a later round of proofs: each changed article with
 * each change at its page and line, the old text struck through and the new underlined, with
 * a few characters either side; then the articles added and removed, those that open on
 * another page, and the numbers of the contents, chronology and index that changed.
 */
import type {Element, ElementContent, Root} from 'hast';
import {h} from 'hastscript';
import rehypeStringify from 'rehype-stringify';
import {unified} from 'unified';
import type {BookMeta} from '../model/book.js';
import {type ProofChanges, changeSummary} from './changes.js';
import {madeAt, proofHead} from './marks.js';
import type {ProofData} from './proof-data.js';

const KIND_NAMES: Record<ProofChanges['entries'][number]['kind'], string> = {toc: '目录', chronology: '大事记', index: '索引'};

/** Text as a CSS string inside a style element: a title holding `"` or `</style>` stays text. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/</g, '\\3c ').replace(/\n/g, ' ')}"`;
}

/** `第 36 页第 4 行`. */
const placeOf = (label: string, line: number): string => `第 ${label} 页第 ${line} 行`;

/** The list as a document of the book's page size, set horizontally whatever the book. */
export function changeListDocument(meta: BookMeta, data: ProofData, changes: ProofChanges, stylesheets: string[]): string {
  const sections: ElementContent[] = [
    h('h1', '改动清单'),
    h('p', `第 ${data.round} 次校样，对照第 ${changes.against.round} 次（${madeAt(changes.against.built)}）：${changeSummary(changes)}`),
  ];
  const section = (title: string, items: Element[]) => {
    if (items.length > 0) sections.push(h('h2', title), ...items);
  };
  section(
    '改动',
    changes.articles.map((article) =>
      h('section', [
        h('h3', [`《${article.title}》 `, h('span.file', article.file)]),
        h(
          'ol',
          article.changes.map((change) =>
            h('li', [
              h('span.at', placeOf(change.label, change.line)),
              h('span.context', change.before),
              ...(change.removed ? [h('del', change.removed)] : []),
              ...(change.added ? [h('ins', change.added)] : []),
              h('span.context', change.after),
            ]),
          ),
        ),
      ]),
    ),
  );
  const list = (items: string[]) =>
    items.length > 0
      ? [
          h(
            'ul',
            items.map((item) => h('li', item)),
          ),
        ]
      : [];
  section('新增稿件', list(changes.added.map((a) => `《${a.title}》 第 ${a.label} 页（${a.file}）`)));
  section('删去稿件', list(changes.removed.map((a) => `《${a.title}》 原第 ${a.label} 页（${a.file}）`)));
  section('页码变动', list(changes.moved.map((m) => `《${m.title}》 ${m.from} → ${m.to}`)));
  section('目录、大事记、索引的页码变动', list(changes.entries.map((e) => `${KIND_NAMES[e.kind]}：${e.text} ${e.from || '—'} → ${e.to || '—'}`)));
  if (sections.length === 2) sections.push(h('p.none', '没有改动。'));

  const tree: Root = h(null, [
    {type: 'doctype'},
    h('html', {lang: meta.language}, [
      h('head', [
        h('meta', {charSet: 'utf-8'}),
        ...stylesheets.map((href) => h('link', {rel: 'stylesheet', href})),
        // The head line of every page of the list, as the proof's pages carry it.
        h('style', `@page change-list { @top-center { content: ${cssString(`${proofHead(data)} · 改动清单`)}; } }`),
      ]),
      h('body.change-list', sections),
    ]),
  ]);
  return unified().use(rehypeStringify).stringify(tree);
}
