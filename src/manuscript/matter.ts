import {z} from '../config/zod.js';

/** Front matter keys of a manuscript; others are reported as warnings, never silently used. */
export const matterSchema = z.object({
  title: z.string({error: '缺少标题 title（必填）'}).trim().min(1, '标题 title 不能为空'),
  subtitle: z.string().optional(),
  /** The running head, where the title is too long for one line. */
  shortTitle: z.string().trim().min(1, '短标题 shortTitle 不能为空').optional(),
  author: z.string().optional(),
  date: z
    .string({error: '日期 date 应写成 YYYY-MM-DD'})
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期 date 应写成 YYYY-MM-DD，如 2025-03-12')
    .refine((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || (!Number.isNaN(Date.parse(value)) && new Date(value).toISOString().startsWith(value)), {
      message: '日期 date 不是一个存在的日期',
    })
    .optional(),
  source: z.string().optional(),
  /** One line for the chronology (大事记) instead of the title. */
  summary: z.string().trim().min(1, '摘要 summary 不能为空').optional(),
  tags: z.union([z.string().transform((tag) => [tag]), z.array(z.string())], {error: '标签 tags 应是一个词或词的列表，如 tags: [党建, 民生]'}).default([]),
  part: z.string().min(1).optional(),
});

/** A manuscript's validated front matter. */
export type Matter = z.infer<typeof matterSchema>;

/** The keys {@link matterSchema} knows, to warn about the others. */
export const matterKeys = new Set(Object.keys(matterSchema.shape));
