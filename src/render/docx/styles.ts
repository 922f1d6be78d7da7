/**
 * The Word document's styles: every paragraph and run takes its look from a named style, so an
 * office restyles the whole book in one place (Modify Style), as it would a document of its
 * own. Sizes and faces follow the print templates' defaults (templates/print.css).
 */
import type {IParagraphStyleOptions, IParagraphStylePropertiesOptions, IRunStylePropertiesOptions, IStylesOptions} from 'docx';
import type {BookMeta} from '../../model/book.js';
import {type FaceRole, wordFont, wordLanguage} from './word-fonts.js';

/** The paragraph styles huibian writes beside Word's built-in ones (Title, Subtitle, Heading 1–4, Caption, Quote). */
export const STYLE = {
  title: 'Title',
  subtitle: 'Subtitle',
  titleLine: 'BookTitleLine',
  contentsHeading: 'ContentsHeading',
  part: 'Heading1',
  partNumber: 'PartNumber',
  article: 'Heading2',
  section: 'Heading3',
  subsection: 'Heading4',
  articleSubtitle: 'ArticleSubtitle',
  byline: 'Byline',
  source: 'Source',
  subheading: 'Subheading',
  figure: 'Figure',
  caption: 'Caption',
  quote: 'Quote',
  code: 'CodeBlock',
  table: 'TableText',
  list: 'ListParagraph',
  separator: 'Separator',
  entry: 'EntryText',
  entryHeading: 'EntryHeading',
  note: 'FootnoteText',
} as const;

/** The character styles: emphasis (楷), strong (黑), code. */
export const CHAR_STYLE = {emphasis: 'Emphasis', strong: 'Strong', code: 'CodeChar'} as const;

/** Points to half-points (w:sz). */
const pt = (points: number) => Math.round(points * 2);
/** Points to twentieths of a point (spacing, indents). */
const twips = (points: number) => Math.round(points * 20);

/** Body size (五号) and line height, as the print templates' defaults. */
const BODY_PT = 10.5;
const LINE = 1.75;

/** No first-line indent: headings, captions, lines of the title page. */
const NO_INDENT = {indent: {firstLine: 0, firstLineChars: 0}};
const CENTERED = {alignment: 'center' as const, ...NO_INDENT};

/** The styles of a book: defaults from its language, the heading break from `articleStart`. */
export function docxStyles(meta: BookMeta): IStylesOptions {
  const font = (role: FaceRole) => wordFont(meta, role);
  const lineAtLeast = (size: number, factor = LINE) => ({line: twips(size * factor), lineRule: 'atLeast' as const});
  const style = (id: string, name: string, run: IRunStylePropertiesOptions, paragraph: IParagraphStylePropertiesOptions): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run,
    paragraph,
  });
  return {
    default: {
      document: {
        run: {font: font('song'), size: pt(BODY_PT), language: {value: 'en-US', eastAsia: wordLanguage(meta)}},
        // At least the line height: a line with ruby or a raised note call may grow, never clip.
        paragraph: {alignment: 'both', spacing: lineAtLeast(BODY_PT), indent: {firstLineChars: 200, firstLine: twips(BODY_PT * 2)}},
      },
      title: {run: {font: font('hei'), size: pt(22), bold: true, color: '000000'}, paragraph: {...CENTERED, spacing: {before: twips(120), after: twips(24)}}},
      heading1: {
        run: {font: font('hei'), size: pt(18), bold: false, color: '000000'},
        paragraph: {...CENTERED, spacing: {before: twips(24), after: twips(18)}, keepNext: true, outlineLevel: 0},
      },
      heading2: {
        run: {font: font('hei'), size: pt(15), bold: false, color: '000000'},
        paragraph: {
          ...CENTERED,
          spacing: {before: twips(12), after: twips(9)},
          keepNext: true,
          keepLines: true,
          outlineLevel: 1,
        },
      },
      heading3: {
        run: {font: font('hei'), size: pt(11.5), bold: false, color: '000000'},
        paragraph: {...NO_INDENT, alignment: 'left', spacing: {before: twips(9), after: twips(4)}, keepNext: true, keepLines: true, outlineLevel: 2},
      },
      heading4: {
        run: {font: font('hei'), size: pt(BODY_PT), bold: false, italics: false, color: '000000'},
        paragraph: {...NO_INDENT, alignment: 'left', spacing: {before: twips(6), after: twips(2)}, keepNext: true, keepLines: true, outlineLevel: 3},
      },
      caption: {
        run: {font: font('kai'), size: pt(9), italics: false, bold: false, color: '000000'},
        paragraph: {...CENTERED, spacing: {before: twips(3), after: twips(9)}},
      },
      listParagraph: {paragraph: {indent: {firstLine: 0, firstLineChars: 0}}},
      footnoteText: {run: {font: font('song'), size: pt(8.5)}, paragraph: {...NO_INDENT, spacing: lineAtLeast(8.5, 1.5)}},
    },
    paragraphStyles: [
      style(STYLE.subtitle, 'Subtitle', {font: font('kai'), size: pt(14), color: '000000'}, {...CENTERED, spacing: {after: twips(48)}}),
      style(STYLE.titleLine, '书名页', {font: font('kai'), size: pt(12)}, {...CENTERED, spacing: {before: twips(6)}}),
      style(STYLE.contentsHeading, '目录标题', {font: font('hei'), size: pt(15)}, {...CENTERED, spacing: {before: twips(12), after: twips(18)}}),
      style(STYLE.partNumber, '部分序号', {font: font('hei'), size: pt(12)}, {...CENTERED, spacing: {before: twips(120), after: twips(12)}, keepNext: true}),
      style(STYLE.articleSubtitle, '副题', {font: font('kai'), size: pt(11)}, {...CENTERED, spacing: {after: twips(4)}, keepNext: true}),
      style(STYLE.byline, '署名', {font: font('kai'), size: pt(9.5)}, {...CENTERED, keepNext: true}),
      style(STYLE.source, '来源', {size: pt(8.5), color: '333333'}, {...CENTERED, spacing: {after: twips(12)}, keepNext: true}),
      style(STYLE.subheading, '小标题副题', {font: font('kai'), size: pt(BODY_PT)}, {...NO_INDENT, spacing: {after: twips(6)}, keepNext: true}),
      style(STYLE.figure, '插图', {}, {...CENTERED, spacing: {before: twips(9), line: 240, lineRule: 'auto'}, keepNext: true}),
      style(STYLE.quote, 'Quote', {font: font('kai')}, {indent: {left: twips(BODY_PT * 2), right: twips(BODY_PT * 2)}}),
      style(STYLE.code, '代码', {font: font('code'), size: pt(9)}, {...NO_INDENT, alignment: 'left', spacing: {line: 240, lineRule: 'auto'}}),
      style(STYLE.table, '表格文字', {size: pt(9)}, {...NO_INDENT, spacing: lineAtLeast(9, 1.45)}),
      style(STYLE.separator, '分隔', {}, {...CENTERED, spacing: {before: twips(9), after: twips(9)}}),
      style(STYLE.entry, '条目', {size: pt(9.5)}, {indent: {left: twips(19), hanging: twips(19), firstLineChars: 0}, alignment: 'left'}),
      style(
        STYLE.entryHeading,
        '条目标题',
        {font: font('hei'), size: pt(BODY_PT)},
        {...NO_INDENT, spacing: {before: twips(9), after: twips(3)}, keepNext: true},
      ),
    ],
    characterStyles: [
      {id: CHAR_STYLE.emphasis, name: 'Emphasis', basedOn: 'DefaultParagraphFont', quickFormat: true, run: {font: font('kai'), italics: false}},
      {id: CHAR_STYLE.strong, name: 'Strong', basedOn: 'DefaultParagraphFont', quickFormat: true, run: {font: font('hei'), bold: true}},
      {id: CHAR_STYLE.code, name: '代码字符', basedOn: 'DefaultParagraphFont', quickFormat: true, run: {font: font('code'), size: pt(BODY_PT * 0.9)}},
    ],
  };
}
