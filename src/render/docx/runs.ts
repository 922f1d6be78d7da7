/**
 * An article's inline HAST as Word runs: emphasis and strong as character styles, emphasis
 * dots as Word's `w:em`, ruby as Word ruby, upright runs of a vertical book as Word's
 * horizontal-in-vertical, note calls as Word footnote references, links kept. Every text node
 * ends in a run: an element huibian does not know passes its text through.
 */
import type {Element, ElementContent} from 'hast';
import {toString as textOf} from 'hast-util-to-string';
import {Bookmark, BuilderElement, ExternalHyperlink, FootnoteReferenceRun, type IRunOptions, InternalHyperlink, type ParagraphChild, Tab, TextRun} from 'docx';
import {CHAR_STYLE} from './styles.js';

/** What a run is set with, from the elements around it. */
type Format = Pick<IRunOptions, 'style' | 'bold' | 'superScript' | 'subScript' | 'strike' | 'underline' | 'emphasisMark' | 'eastAsianLayout'>;

/** What turning inline content into runs needs from the document being written. */
export interface InlineContext {
  vertical: boolean;
  /** The East Asian language of the ruby (`zh-CN`). */
  language: string;
  /** The Word footnote number of a note call's target (`#fn-…`), if it is one of the article's notes. */
  footnote(href: string): number | undefined;
  /** A picture inside running text: its run, or nothing when the image is not in the book. */
  image(img: Element): ParagraphChild | undefined;
  /** The bookmark name of an element id: an index place, an article. */
  bookmark(id: string): string;
}

/** The runs of `nodes`; `keepSpace` keeps white space as typed (code blocks). */
export function runsOf(nodes: ElementContent[], context: InlineContext, format: Format = {}, keepSpace = false): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const [i, node] of nodes.entries()) {
    // A lone tab is a separator the writer put in (blocks.ts), not white space of the copy.
    if (node.type === 'text' && node.value === '\t') out.push(new TextRun({children: [new Tab()]}));
    else if (node.type === 'text') {
      const text = keepSpace ? node.value : collapseSpace(node.value, nodes[i - 1], nodes[i + 1]);
      if (text) out.push(...textRuns(text, format, keepSpace));
    } else if (node.type === 'element') out.push(...elementRuns(node, context, format, keepSpace));
  }
  return out;
}

function elementRuns(node: Element, context: InlineContext, format: Format, keepSpace: boolean): ParagraphChild[] {
  const inner = (more: Format) => runsOf(node.children, context, {...format, ...more}, keepSpace);
  const classes = classList(node);
  switch (node.tagName) {
    case 'strong':
    case 'b':
      return inner({style: CHAR_STYLE.strong});
    case 'em':
    case 'i':
      // 着重号: Chinese Word's own mark is `w:em w:val="dot"`, under the text (right of it in vertical text).
      return classes.includes('emphasis-dots') ? inner({emphasisMark: {type: 'dot'}}) : inner({style: CHAR_STYLE.emphasis});
    case 'code':
    case 'kbd':
    case 'samp':
      return inner({style: CHAR_STYLE.code});
    case 'sub':
      return inner({subScript: true});
    case 'del':
    case 's':
      return inner({strike: true});
    case 'u':
    case 'ins':
      return inner({underline: {}});
    case 'sup': {
      const call = node.children.find((c): c is Element => c.type === 'element' && c.properties.dataFootnoteRef !== undefined);
      const number = call && context.footnote(String(call.properties.href ?? ''));
      return number === undefined ? inner({superScript: true}) : [new FootnoteReferenceRun(number)];
    }
    case 'br':
      return [new TextRun({break: 1})];
    case 'wbr':
      // Word breaks a long Latin run where it must; a zero-width space would be a character to edit.
      return [];
    case 'img':
      return [context.image(node) ?? new TextRun({text: String(node.properties.alt ?? ''), ...format})];
    case 'ruby':
      return rubyRuns(node, format, context.language);
    case 'a':
      return linkRuns(node, inner({}), context);
    case 'rt':
    case 'rp':
      return [];
    default:
      break;
  }
  if (context.vertical && classes.includes('tcy')) return inner({eastAsianLayout: {horizontalInVertical: true, fitToLine: true}});
  // Letters standing one by one (GDP): each its own horizontal-in-vertical run.
  if (context.vertical && classes.includes('upright')) {
    return [...textOf(node)].map((char) => new TextRun({text: char, ...format, eastAsianLayout: {horizontalInVertical: true}}));
  }
  const runs = inner({});
  const id = node.properties.id;
  // An index place or another anchor: a bookmark the index and the contents link to.
  return typeof id === 'string' && runs.length > 0 ? [new Bookmark({id: context.bookmark(id), children: runs})] : runs;
}

/** Runs of `text`, line breaks of kept space as Word breaks. */
function textRuns(text: string, format: Format, keepSpace: boolean): ParagraphChild[] {
  if (!keepSpace || !text.includes('\n')) return [new TextRun({text, ...format})];
  return text.split('\n').map((line, i) => new TextRun({text: line, ...format, ...(i > 0 ? {break: 1} : {})}));
}

/**
 * White space as a browser shows it: runs of it one space, none at a line break between two
 * Chinese characters (where the manuscript wrapped a line), none at a paragraph's ends (trimmed
 * by the caller's paragraph).
 */
function collapseSpace(text: string, before: ElementContent | undefined, after: ElementContent | undefined): string {
  let value = text.replace(/[ \t]*\n[ \t]*/g, (match, offset: number, whole: string) =>
    WIDE.test(whole[offset - 1] ?? '') && WIDE.test(whole[offset + match.length] ?? '') ? '' : ' ',
  );
  value = value.replace(/[ \t\r\n]+/g, ' ');
  if (!before) value = value.replace(/^ /, '');
  if (!after) value = value.replace(/ $/, '');
  return value;
}

/** Han, kana and full-width punctuation: no space is seen between two of them. */
const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Ruby as Word writes it (`w:ruby`: the reading in `w:rt`, the text in `w:rubyBase`), one
 * ruby per base of the HAST (mono ruby stays per character). The docx package has no ruby.
 */
function rubyRuns(node: Element, format: Format, language: string): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  let base = '';
  for (const child of node.children) {
    if (child.type === 'text') base += child.value;
    else if (child.type === 'element' && child.tagName === 'rt') {
      runs.push(new RubyRun(base, textOf(child), format, language));
      base = '';
    } else if (child.type === 'element' && child.tagName !== 'rp') base += textOf(child);
  }
  if (base) runs.push(new TextRun({text: base, ...format}));
  return runs;
}

/** A run holding one ruby: its reading at half the size, raised over the base. */
class RubyRun extends TextRun {
  constructor(base: string, reading: string, format: Format, language: string) {
    super({});
    const attribute = (value: string | number) => ({val: {key: 'w:val', value}});
    this.root.push(
      new BuilderElement({
        name: 'w:ruby',
        children: [
          new BuilderElement({
            name: 'w:rubyPr',
            children: [
              new BuilderElement({name: 'w:rubyAlign', attributes: attribute('center')}),
              new BuilderElement({name: 'w:hps', attributes: attribute(10)}),
              new BuilderElement({name: 'w:hpsRaise', attributes: attribute(20)}),
              new BuilderElement({name: 'w:hpsBaseText', attributes: attribute(21)}),
              new BuilderElement({name: 'w:lid', attributes: attribute(language)}),
            ],
          }),
          new BuilderElement({name: 'w:rt', children: [new TextRun({text: reading, size: 10})]}),
          new BuilderElement({name: 'w:rubyBase', children: [new TextRun({text: base, ...format})]}),
        ],
      }),
    );
  }
}

/** A link: to a web address as a Word hyperlink, inside the book to the bookmark of its target. */
function linkRuns(node: Element, runs: ParagraphChild[], context: InlineContext): ParagraphChild[] {
  const href = String(node.properties.href ?? '');
  if (runs.length === 0) return runs;
  if (/^(?:https?|mailto):/i.test(href)) return [new ExternalHyperlink({link: href, children: runs})];
  if (href.startsWith('#') && href.length > 1) return [new InternalHyperlink({anchor: context.bookmark(href.slice(1)), children: runs})];
  return runs;
}

/** The classes of an element. */
export function classList(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}
