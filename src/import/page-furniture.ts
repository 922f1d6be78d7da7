import type {Element, ElementContent, Root} from 'hast';
import {selectAll} from 'hast-util-select';
import {toString as textOf} from 'hast-util-to-string';
import type {FurnitureKind} from './draft.js';

/**
 * What a web page has around an article that is not the article: its own table of contents,
 * "back to top" links, the breadcrumb trail, pagination, and parts named for navigation,
 * sharing, comments or footers. Each is recognised by what it holds (mostly links, numbered,
 * pointing into the page), a class name only helping; a part that holds prose is never furniture.
 */

/** Parts named as page furniture: navigation, sharing, comments, QR codes, footers. */
const NAMED = /nav|menu|breadcrumb|crumb|share|comment|footer|header|sidebar|related|recommend|toolbar|qr_?code|reward|like|praise|copyright|advert|banner/i;
/** Parts named as a table of contents: DocBook's `div.toc`, `dl.toc`, its lists of figures and tables, a site's `catalog`. */
const TOC_NAMED = /(?:^|[\s_-])(?:toc|catalog|catalogue|contents|table-of-contents|list-of-[a-z]+|mulu)(?:$|[\s_-])/i;
/** Parts named as a breadcrumb trail (`dqwz`: 当前位置). */
const CRUMB_NAMED = /crumb|position|location|dqwz|weizhi|site-?path/i;
/** The title a table of contents gives itself. */
const TOC_TITLE = /目\s*录|目\s*次|本页目录|本文目录|文章目录|本页内容|table of contents|contents|on this page/gi;
/** Section numbers in a table of contents: 1. 2.1. 一、 （一） 第一章 Chapter 2. */
const NUMBER =
  /\d+(?:\.\d+)*\.?|[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十\d]+[）)]|第\s*[\d一二三四五六七八九十百]+\s*[章节部分篇条]|chapter|section|appendix|附录/;
const NUMBERING = new RegExp(NUMBER.source, 'gi');
const NUMBERED = new RegExp(`^\\s*(?:${NUMBER.source})`, 'i');
/** What separates the steps of a breadcrumb trail. */
const CRUMB_SEPARATORS = /[>»›→＞/|｜\\-]/g;
/** The label before a breadcrumb trail. */
const LOCATION = /^(?:当前位置|您的位置|你的位置|您现在的位置|现在的位置|您当前的位置|所在位置|当前页面|位置)\s*[：:]/;
/** A "back to top" link's text. */
const TOP = /^(?:返回顶部|回到顶部|返回页首|回到页首|返回顶端|回顶部|顶部|置顶|back to top|to top|top|↑|⇧|▲|△)$/i;
/** A pagination link's or label's text: 上一页 2 下一页 尾页, 第 3 页, 共 5 页, prev, next. */
const PAGER =
  /^(?:上一页|下一页|上页|下页|前一页|后一页|前页|后页|首页|尾页|末页|第\s*\d+\s*页|共\s*\d+\s*页|\d+|…|\.\.\.|«|»|‹|›|<<|>>|<|>|prev|previous|next|first|last|跳转|转到|go)$/i;
/** The words that make a run of numbers pagination. */
const PAGER_WORD = /上一页|下一页|上页|下页|前一页|后一页|尾页|末页|第\s*\d+\s*页|^(?:prev|previous|next)$/i;
/** Tags that hold blocks: where a table of contents, a trail or a pager can be. */
const CONTAINERS = new Set(['div', 'nav', 'section', 'aside', 'header', 'footer', 'ul', 'ol', 'dl', 'table', 'tbody', 'tr', 'td', 'p', 'center']);

/** What furniture needs to know about the whole page: its ids (where in-page links go) and its headings (what a table of contents mirrors). */
export interface PageIndex {
  ids: Set<string>;
  headings: Set<string>;
}

/** The page's ids and heading texts. */
export function pageIndex(tree: Root | Element): PageIndex {
  const ids = new Set<string>();
  for (const element of selectAll('[id], a[name]', tree)) ids.add(String(element.properties.id ?? element.properties.name));
  const headings = new Set(selectAll('h1, h2, h3, h4, h5, h6', tree).map((h) => entryText(textOf(h))));
  return {ids, headings};
}

/** What kind of furniture an element is (`other`: named so and not the article), if it is. */
export function furnitureOf(element: Element, page: PageIndex): FurnitureKind | 'other' | undefined {
  if (element.tagName === 'a') return isTopLink(element) ? 'top' : undefined;
  const names = [element.properties.id, element.properties.className].flat().filter(Boolean).join(' ');
  if (CONTAINERS.has(element.tagName)) {
    const links = linkRun(element);
    if (links && isToc(links, page, TOC_NAMED.test(names))) return 'toc';
    if (links && isTrail(links, CRUMB_NAMED.test(names))) return 'breadcrumb';
    if (links && isPager(links)) return 'pager';
  }
  if (!NAMED.test(names)) return undefined;
  // A name alone is not enough: a handbook's section may well be `id="copyright"`.
  const text = textOf(element);
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const linked = selectAll('a', element).reduce((n, a) => n + textOf(a).length, 0);
  if (han >= 200 && linked <= text.replace(/\s+/g, '').length * 0.5) return undefined;
  return CRUMB_NAMED.test(names) && text.length <= 120 ? 'breadcrumb' : 'other';
}

/** What kind of furniture a line of a page's text is, when it stands alone: a trail, a pager, "返回顶部". */
export function lineFurniture(line: string): FurnitureKind | undefined {
  const compact = line.replace(/[\s\u3000]+/g, '');
  if (TOP.test(compact)) return 'top';
  if (compact.length <= 80 && (LOCATION.test(compact) || /^(?:网站首页|首页|主页)[>»›→＞]/.test(compact)) && /[>»›→＞]/.test(compact)) return 'breadcrumb';
  const tokens = line.split(/[\s\u3000|｜/]+/).filter(Boolean);
  if (tokens.length >= 2 && tokens.every((t) => PAGER.test(t)) && tokens.some((t) => PAGER_WORD.test(t))) return 'pager';
  return undefined;
}

/** The links of an element and the text between them. */
interface LinkRun {
  /** Each link's text (an image's alt when it has none) and where it goes. */
  links: Array<{text: string; href: string}>;
  /** The element's text outside its links, without spaces. */
  between: string;
}

/** An element's links and what lies between them, when it has at least two links. */
function linkRun(element: Element): LinkRun | undefined {
  if (selectAll('a[href]', element).length < 2) return undefined;
  const run: LinkRun = {links: [], between: ''};
  const walk = (nodes: ElementContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text') run.between += node.value.replace(/[\s\u3000\u00a0]+/g, '');
      if (node.type !== 'element') continue;
      if (node.tagName === 'a' && node.properties.href !== undefined) {
        const alt = selectAll('img[alt]', node).map((img) => String(img.properties.alt));
        run.links.push({text: clean(textOf(node)) || alt.join(' '), href: String(node.properties.href)});
      } else walk(node.children);
    }
  };
  walk(element.children);
  return run;
}

/**
 * A table of contents: at least three links and next to nothing else (numbers, a title such
 * as 目录), either named so, or pointing into the page and numbered, titled, or naming the
 * page's headings.
 */
function isToc({links, between}: LinkRun, page: PageIndex, named: boolean): boolean {
  if (links.length < 3) return false;
  const linked = links.reduce((n, link) => n + link.text.replace(/\s+/g, '').length, 0);
  const rest = between
    .replace(TOC_TITLE, '')
    .replace(NUMBERING, '')
    .replace(/[\p{P}\p{S}]/gu, '');
  if (rest.length > Math.max(4, linked * 0.15)) return false;
  if (named) return true;
  const inPage = links.filter((link) => page.ids.has(fragment(link.href))).length;
  if (inPage < links.length * 0.6) return false;
  const titled = between.search(TOC_TITLE) >= 0;
  const numbered = links.filter((link) => NUMBERED.test(link.text)).length + (between.match(NUMBERING)?.length ?? 0) >= links.length / 2;
  const mirrored = links.filter((link) => page.headings.has(entryText(link.text))).length >= links.length / 2;
  return titled || numbered || mirrored;
}

/** A breadcrumb trail: a few short links joined by `>` `»` `›` `/`, after 当前位置： or named so. */
function isTrail({links, between}: LinkRun, named: boolean): boolean {
  const steps = links.map((link) => link.text.replace(/\s+/g, ''));
  if (steps.some((step) => step.length > 16) || steps.join('').length + between.length > 80) return false;
  const rest = between.replace(LOCATION, '').replace(CRUMB_SEPARATORS, '');
  const separated = (between.match(CRUMB_SEPARATORS)?.length ?? 0) >= steps.length - 1;
  return rest.length <= 4 && (separated || named) && (LOCATION.test(between) || named || /首页|主页|home/i.test(steps[0] ?? ''));
}

/** Pagination: links that are page numbers and 上一页, 下一页, 尾页 … and nothing else. */
function isPager({links, between}: LinkRun): boolean {
  const texts = links.map((link) => link.text.trim()).filter(Boolean);
  const labels = between.replace(/共\d+页|第\d+页|当前|页次|\d+\/\d+|跳转到?|转到|页/g, '').replace(/[\p{P}\p{S}\d]/gu, '');
  return texts.length >= 2 && texts.every((text) => PAGER.test(text)) && texts.some((text) => PAGER_WORD.test(text)) && labels.length === 0;
}

/** A "back to top" link: named so, or a bare arrow to the page's top. */
function isTopLink(link: Element): boolean {
  const text =
    clean(textOf(link)) ||
    selectAll('img[alt]', link)
      .map((img) => String(img.properties.alt))
      .join('');
  const href = String(link.properties.href ?? '');
  return TOP.test(text.replace(/\s+/g, '')) || (/^#(?:top|page-?top|header)?$/i.test(href) && /^[\s↑⇧▲△^]*$/.test(text));
}

/** Where an in-page link goes: its fragment, decoded (`#%E4%B8%80` → 一). */
function fragment(href: string): string {
  const hash = href.indexOf('#');
  if (hash < 0) return '';
  try {
    return decodeURIComponent(href.slice(hash + 1));
  } catch {
    return href.slice(hash + 1);
  }
}

/** A heading's or an entry's words, to compare: no numbers, spaces or punctuation. */
function entryText(text: string): string {
  return text.replace(NUMBERING, '').replace(/[\s\p{P}\p{S}]/gu, '');
}

function clean(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}
