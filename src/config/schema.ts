import {z} from './zod.js';

/** Named page sizes in millimetres (width × height), ISO and the Chinese 开本 in common office use. */
/** The writing modes a book may have: 横排 and 竖排 (right to left). */
export const WRITING_MODES = ['horizontal', 'vertical'] as const;

const PAGE_SIZES: Record<string, [number, number]> = {
  A4: [210, 297],
  A5: [148, 210],
  A6: [105, 148],
  B5: [176, 250],
  B6: [125, 176],
  '16K': [185, 260],
  '32K': [130, 184],
};

const customSize = /^(\d+(?:\.\d+)?)mm\s+(\d+(?:\.\d+)?)mm$/;

const pageSize = z.string().refine((value) => value in PAGE_SIZES || customSize.test(value), {
  message: `应为 ${Object.keys(PAGE_SIZES).join('、')} 之一，或“宽mm 高mm”（如 “140mm 203mm”）`,
});

const part = z.union([z.string().min(1), z.strictObject({title: z.string().min(1), subtitle: z.string().optional()})]);

/** What huibian generates from the manuscripts: 大事记 and 索引. */
const apparatus = z
  .array(z.enum(['chronology', 'index'], {error: '应为 chronology（大事记）或 index（索引）'}))
  .refine((list) => new Set(list).size === list.length, {message: '同一项只能列一次'})
  .default([]);

/** The schema of `book.yaml`; keys are camelCase, an unknown key is an error. */
export const bookConfigSchema = z.strictObject({
  title: z.string({error: '缺少书名 title（必填）'}).min(1, '书名 title 不能为空'),
  subtitle: z.string().optional(),
  author: z.string().optional(),
  publisher: z.string().optional(),
  year: z.union([z.number().int(), z.string()]).optional(),
  language: z.string().default('zh-Hans'),
  writingMode: z.enum(WRITING_MODES).default('horizontal'),
  pageSize: pageSize.default('A5'),
  manuscripts: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).default('manuscripts/**/*.md'),
  parts: z.array(part).optional(),
  articleStart: z.enum(['page', 'recto', 'continue']).default('page'),
  folio: z.enum(['arabic', 'chinese']).default('arabic'),
  /** Generated sections after the contents (numbered with the front matter), in this order. */
  frontMatter: apparatus,
  /** Generated sections after the last article (numbered on from the body), in this order. */
  backMatter: apparatus,
  /** How the index is ordered: by pinyin (A–Z) or by stroke count (笔画). */
  indexSort: z.enum(['pinyin', 'stroke']).default('pinyin'),
  /** Numbers meant to be printed (a hotline, an office's mobile): never taken for personal data, nor masked. */
  publicNumbers: z
    .array(
      z.union([
        z.string().min(1),
        // YAML reads an 18-digit number as a float and loses its last digits.
        z.number().refine((n) => Number.isSafeInteger(n), '这个号码 YAML 读不准（太长，或不是整数）：请加引号，如 "110105194912310021"'),
      ]),
      {error: '应为号码的列表，如 [13812345678, "0571-87654321"]'},
    )
    .default([]),
  /** The book's own stylesheets, loaded after huibian's (and after templates/custom.css) in every output. */
  styles: z.array(z.string().regex(/\.css$/i, '应为 .css 文件')).default([]),
  epub: z
    .strictObject({
      /** A fixed identifier (ISBN, URN); by default one is derived from title, author and year. */
      identifier: z.string().min(1).optional(),
      /** Embed subsets of the book's fonts, so that every reader shows the book's typefaces. */
      embedFonts: z.boolean().default(false),
    })
    .default({embedFonts: false}),
});

/** `book.yaml` as written by the user, defaults applied. */
export type BookConfig = z.infer<typeof bookConfigSchema>;

/** Page size in millimetres for a `pageSize` value already validated by the schema. */
export function pageSizeMm(value: string): {width: number; height: number} {
  const named = PAGE_SIZES[value];
  if (named) return {width: named[0], height: named[1]};
  const match = customSize.exec(value);
  if (!match) throw new Error(`unvalidated page size ${value}`);
  return {width: Number(match[1]), height: Number(match[2])};
}

/** The left and right page margins of the default templates together (pages-*.css: 18 + 15 mm). */
const TEMPLATE_SIDE_MARGINS_MM = 33;

/** Width of the text area in millimetres on a page `pageWidth` mm wide, with the default templates' margins. */
export function textWidthMm(pageWidth: number): number {
  return pageWidth - TEMPLATE_SIDE_MARGINS_MM;
}
