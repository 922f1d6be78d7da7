/**
 * The fonts and languages a Word document names. huibian's own faces are web fonts no office
 * computer has, so the document names the faces every Chinese Word and WPS installs, in the
 * roles the book uses them (clreq: 宋 for text, 黑 for headings, 楷 for quotes and captions),
 * and a Latin face beside each: a user restyles them in the styles, in one place.
 */
import type {BookMeta} from '../../model/book.js';
import {scriptOf} from '../../typography/script.js';

/** What a run is set in: the book's three faces, and code. */
export type FaceRole = 'song' | 'hei' | 'kai' | 'code';

/** A run's fonts: `eastAsia` for Han text and CJK punctuation, `latin` for the rest (w:ascii, w:hAnsi). */
interface WordFont {
  eastAsia: string;
  latin: string;
}

/** Names as Chinese Word writes them: WPS and Word on any system language resolve them. */
const FACES: Record<'sc' | 'tc', Record<FaceRole, WordFont>> = {
  sc: {
    song: {eastAsia: '宋体', latin: 'Times New Roman'},
    hei: {eastAsia: '黑体', latin: 'Arial'},
    kai: {eastAsia: '楷体', latin: 'Times New Roman'},
    code: {eastAsia: '黑体', latin: 'Courier New'},
  },
  tc: {
    song: {eastAsia: '新細明體', latin: 'Times New Roman'},
    hei: {eastAsia: '微軟正黑體', latin: 'Arial'},
    kai: {eastAsia: '標楷體', latin: 'Times New Roman'},
    code: {eastAsia: '微軟正黑體', latin: 'Courier New'},
  },
};

/** The font of `role` in a book of `meta`'s language, as a docx run's `font` option. */
export function wordFont(meta: Pick<BookMeta, 'language'>, role: FaceRole): {ascii: string; hAnsi: string; eastAsia: string; cs: string} {
  const {eastAsia, latin} = FACES[scriptOf(meta.language)][role];
  return {ascii: latin, hAnsi: latin, eastAsia, cs: latin};
}

/**
 * The language Word tags East Asian text with (`w:lang w:eastAsia`): Word's proofing and WPS's
 * line breaking read region tags, not script tags (zh-Hans is not one of Word's languages).
 */
export function wordLanguage(meta: Pick<BookMeta, 'language'>): string {
  const tag = meta.language;
  if (/^zh-(?:HK|Hant-HK)\b/i.test(tag)) return 'zh-HK';
  if (/^zh-(?:MO|Hant-MO)\b/i.test(tag)) return 'zh-MO';
  if (/^zh-(?:SG|Hans-SG)\b/i.test(tag)) return 'zh-SG';
  return scriptOf(tag) === 'tc' ? 'zh-TW' : 'zh-CN';
}
