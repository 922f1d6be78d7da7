import mammoth from 'mammoth';
import type {ArticleDraft} from './draft.js';
import {htmlArticle} from './html-article.js';

/** A picture found in a Word file: its bytes and type, to be saved next to the manuscript. */
export interface EmbeddedImage {
  bytes: Buffer;
  contentType: string;
}

/**
 * Read a Word file (.docx) with mammoth: headings by their Word styles, paragraphs, lists,
 * tables, footnotes and pictures. Pictures are handed to `keep`, which saves them and says
 * where the manuscript should point; the rest goes through the web page reader.
 */
export async function docxArticle(
  path: string,
  fallbackTitle: string,
  keep: (image: EmbeddedImage) => Promise<string>,
): Promise<{draft: ArticleDraft; warnings: string[]}> {
  const result = await mammoth.convertToHtml(
    {path},
    {
      // Word's Title style is the article's title; its Subtitle, the subtitle.
      styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p.subtitle:fresh"],
      convertImage: mammoth.images.imgElement(async (image) => ({src: await keep({bytes: await image.readAsBuffer(), contentType: image.contentType})})),
    },
  );
  const warnings = result.messages.filter((m) => m.type === 'warning').map((m) => m.message);
  return {draft: htmlArticle(`<html><body><article>${result.value}</article></body></html>`, fallbackTitle), warnings};
}
