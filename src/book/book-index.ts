import type {Element, Root} from 'hast';
import {INDEX_MARK} from '../markdown/plugins/remark-huibian-directives.js';
import {visit} from '../markdown/visit.js';
import type {Article, IndexEntry, IndexGroup, IndexSection} from '../model/book.js';
import type {Collated, IndexOrder} from '../typography/collation.js';

/** The index marks of a tree, in reading order. */
function marksOf(root: Root): Element[] {
  const marks: Element[] = [];
  visit(root, (node) => {
    if (node.type === 'element' && (node.properties.className as string[] | undefined)?.includes(INDEX_MARK)) marks.push(node);
    return undefined;
  });
  return marks;
}

/** The trees of an article that may hold marks: its body, then its notes. */
function treesOf(article: Article): Root[] {
  return [article.body, ...article.footnotes.map((note): Root => ({type: 'root', children: note.children}))];
}

/** Give every index mark of the book an id (`ix-1` … in reading order), the anchor the index points at. */
export function numberIndexMarks(articles: Article[]): void {
  let n = 0;
  for (const article of articles) for (const tree of treesOf(article)) for (const mark of marksOf(tree)) mark.properties.id = `ix-${++n}`;
}

/** A term to sort: how it is printed, how it sorts, where it occurs. */
interface Gathered {
  collated: Collated;
  entry: IndexEntry;
}

/**
 * The book's index: the terms marked in the manuscripts, then the authors and the sources of
 * the articles, each sorted by `order` and grouped under initial letters or stroke counts.
 * A term marked many times is one entry with every place it occurs. Sections without entries
 * are left out.
 */
export async function indexOf(articles: Article[], order: IndexOrder): Promise<IndexSection[]> {
  // The pinyin and stroke tables load only for a book with an index.
  const {collate, compareCollated, headingOf} = await import('../typography/collation.js');
  const grouped = (gathered: Map<string, Gathered>): IndexGroup[] => {
    const sorted = [...gathered.values()].sort((a, b) => compareCollated(a.collated, b.collated, order));
    const groups: IndexGroup[] = [];
    for (const {collated, entry} of sorted) {
      const heading = headingOf(collated, order);
      // Groups follow the sort: a heading met again (a stray sign between letters) joins the last group of that name.
      const group = groups.find((g) => g.heading === heading);
      if (group) group.entries.push(entry);
      else groups.push({heading, entries: [entry]});
    }
    return groups;
  };
  const terms = new Map<string, Gathered>();
  const authors = new Map<string, Gathered>();
  const sources = new Map<string, Gathered>();
  const add = (into: Map<string, Gathered>, term: string, place: {target: string; article: string}, sortKey?: string, names = false) => {
    const found = into.get(term);
    if (found) {
      if (!found.entry.places.some((p) => p.target === place.target)) found.entry.places.push(place);
    } else into.set(term, {collated: collate(term, sortKey ?? term, {names}), entry: {term, places: [place]}});
  };
  for (const article of articles) {
    for (const tree of treesOf(article)) {
      for (const mark of marksOf(tree)) {
        const term = String(mark.properties.dataIndexTerm ?? '').trim();
        if (term) add(terms, term, {target: String(mark.properties.id), article: article.id}, mark.properties.dataIndexSort as string | undefined);
      }
    }
    const whole = {target: article.id, article: article.id};
    for (const name of authorNames(article.author)) add(authors, name, whole, undefined, true);
    if (article.source?.trim()) add(sources, sourceName(article.source), whole);
  }
  const sections: IndexSection[] = [
    {kind: 'terms', groups: grouped(terms)},
    {kind: 'authors', groups: grouped(authors)},
    {kind: 'sources', groups: grouped(sources)},
  ];
  return sections.filter((section) => section.groups.length > 0);
}

/** Words of a byline that say what someone did, not who they are. */
const ROLE = /^(?:本报|特约|见习|实习)?(?:记者|通讯员|实习生|摄影|摄|文|图|文图|撰稿|执笔|编辑|供稿|整理|口述|作者)[：:／/]?$/;

/** How the names of offices, newsrooms and other bodies end. */
const UNIT = /(?:办|办公室|中心|局|委|委员会|政府|站|所|部|队|社|院|馆|公司|集团|协会|学会|报|台|组|科|处|厅|会)$/;

/**
 * The people and bodies a byline names, for the authors' index: `镇融媒体中心 记者 林晓舟` →
 * 林晓舟 (the unit before a role word is the newsroom, not an author); `张三、李四` → both;
 * `镇应急办 赵明` → 赵明; `中共青溪镇委员会` → itself; `范成大（1126－1193）` → 范成大.
 */
export function authorNames(byline: string | undefined): string[] {
  if (!byline) return [];
  // A note in brackets is about the author, not another one: `范成大（1126－1193）`, `朱淑真（《宋诗纪事》：“号幽栖居士……”）`.
  let bare = byline;
  for (let before = ''; before !== bare; ) [before, bare] = [bare, bare.replace(/[（(][^（()）]*[）)]/g, ' ')];
  const tokens = bare
    .replace(/(?<=^|\s)(文|图|摄影?|记者|通讯员)[／/:：]/g, '$1 ')
    .split(/[\s、，,；;]+/)
    .map((token) => token.trim())
    .filter(Boolean);
  const roleAt = tokens.findIndex((token) => ROLE.test(token));
  const names = roleAt < 0 ? tokens : tokens.slice(roleAt).filter((token) => !ROLE.test(token));
  // `镇应急办 赵明`: the unit beside a person is where they work; a unit alone is the author.
  const people = names.filter((name) => !UNIT.test(name));
  return [...new Set(people.length > 0 ? people : names)];
}

/**
 * A source without the date and edition or issue it ends with, so that one paper's or one
 * bulletin's items are one entry (and one row of `huibian stats`): `《云岭日报》2025年6月3日第2版`
 * → `《云岭日报》`, `镇党委宣传办《学习参考》2025年第3期` → `镇党委宣传办《学习参考》`.
 */
export function sourceName(source: string): string {
  const date = String.raw`\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|\d{4}[-./]\d{1,2}(?:[-./]\d{1,2})?`;
  const issue = String.raw`第\s*\d+\s*[版期号]`;
  const name = source.replace(new RegExp(String.raw`[\s,，、]*(?:(?:${date})\s*(?:${issue})?|${issue})$`, 'u'), '').trim();
  // A source that is nothing but a date stays as written.
  return /[\p{L}]/u.test(name) ? name : source.trim();
}
