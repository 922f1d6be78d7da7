import {existsSync} from 'node:fs';
import {mkdir, readdir} from 'node:fs/promises';
import path from 'node:path';
import {writeAtomic} from '../files/write-atomic.js';
import {KNOBS} from '../render/shared/book-css.js';
import {UsageError} from '../report/messages.js';
import {parseCommandLine} from './parse.js';

export const USAGE = `用法：huibian new 文件夹 [--title 书名]

新建一本书：带注释的 book.yaml、列出所有样式开关的 templates/custom.css、一篇示例稿件。
建好后即可 huibian build 文件夹。

  --title 书名    书名（默认为文件夹名）

例：huibian new 2026年鉴 --title 青溪镇2026年鉴`;

/** `huibian new DIR [--title T]`: a book folder that builds at once, its settings explained where they are set. */
export async function run(argv: string[]): Promise<void> {
  const parsed = parseCommandLine(argv, {title: {type: 'string'}});
  const [dir, ...extra] = parsed.positionals;
  if (!dir || extra.length > 0) throw new UsageError(`请给出一个文件夹\n${USAGE}`);
  if (existsSync(dir) && (await readdir(dir)).length > 0) throw new UsageError(`${dir} 已存在且不是空的：请换一个文件夹名，以免覆盖其中的文件`);
  const title = parsed.values.title ?? path.basename(path.resolve(dir));
  await mkdir(path.join(dir, 'manuscripts'), {recursive: true});
  await mkdir(path.join(dir, 'templates'), {recursive: true});
  await writeAtomic(path.join(dir, 'book.yaml'), bookYaml(title));
  await writeAtomic(path.join(dir, 'templates', 'custom.css'), customCss());
  await writeAtomic(path.join(dir, 'manuscripts', '01-示例稿件.md'), EXAMPLE);
  process.stderr.write(`✔ 已新建 ${dir}：book.yaml、templates/custom.css、manuscripts/01-示例稿件.md\n  下一步：huibian build ${dir}\n`);
}

function bookYaml(title: string): string {
  return `# 书的设置。改完保存后重新 huibian build 即可。键名区分大小写。
title: ${JSON.stringify(title)}   # 书名（必填）
# subtitle: 副书名
# author: 编者或单位
# publisher: 印制单位
year: ${new Date().getFullYear()}

# 版式
writingMode: horizontal   # horizontal 横排；vertical 竖排
pageSize: A5              # A4 A5 A6 B5 B6 16K 32K，或“140mm 203mm”
articleStart: page        # page 每篇另起一页；recto 每篇从单页起；continue 接排
folio: arabic             # arabic 页码用 1 2 3；chinese 用 一 二 三
# language: zh-Hant       # 书稿用繁体写的（默认简体 zh-Hans）；简体书稿要出繁体版，用 --to zh-Hant

# 稿件：manuscripts/ 下的 .md 文件，按文件名排序。
# 要分部分，在稿件的前置信息里写 part: 部分名，并在这里按顺序列出：
# parts:
#   - 工作动态
#   - 学习资料

# 书后的大事记（按月列出有 date 的文章）和索引（稿件里用 :index[词] 标出的词、作者、来源）：
# backMatter: [chronology, index]
# indexSort: pinyin       # pinyin 按拼音；stroke 按笔画

# 自己的样式：templates/custom.css 会自动加载；别的样式文件在这里列出，依次加载在其后。
# styles:
#   - templates/print-shop.css

# EPUB 电子书
# epub:
#   embedFonts: true      # 嵌入字体子集，各种阅读器显示一致
`;
}

function customCss(): string {
  const lines = KNOBS.map(([name, value, what]) => `  /* ${what} */\n  /* ${name}: ${value}; */`);
  return `/*
 * 这本书自己的样式，加载在 huibian 的样式之后，PDF、EPUB、HTML 都用。
 * 常用的开关如下：去掉某个设置两头的注释符号（斜线和星号）并改数值即可。
 * 也可以在后面写任何 CSS 规则，覆盖 huibian 的样式。
 */
:root {
${lines.join('\n')}
}

/* 页边距：去掉两头的注释符号即可生效。单页、双页的内外边距分别写在 @page :right 和 @page :left 里。
@page {
  margin-top: 20mm;
  margin-bottom: 22mm;
}
*/
`;
}

const EXAMPLE = `---
title: 示例稿件：把一年的文章编成书
author: 编辑组
date: ${new Date().getFullYear()}-01-15
source: 本书编辑组
---

这是一篇示例稿件。把各处收来的文章放进 manuscripts 文件夹，每篇一个 .md 文件，运行 huibian build，就得到带目录、书眉和页码的 PDF。

## 怎样加一篇文章

网页、微信文章、Word 文档和 .txt 文件，可以用 huibian import 转成稿件；也可以照着这篇的样子手写：开头两条横线之间是标题、作者、日期和来源，下面是正文。

## 怎样改样式

打开 templates/custom.css，去掉某一行的注释并改数值，比如把正文改成小四号字。保存后重新生成即可。
`;
