import {existsSync} from 'node:fs';
import {relative} from 'node:path';
import {buildBook} from '../outputs/build-book.js';
import {formatMessages} from '../report/messages.js';
import {parseBuildOptions} from './build-args.js';
import {Progress} from './progress.js';

export const USAGE = `用法：huibian build [书的文件夹] [选项]

生成 PDF（默认）、EPUB、Word 文档、HTML、小册子、抽印本、封面或校样；文件夹默认为当前文件夹。

  --format pdf|epub|docx|html|booklet|offprint|cover|proof   输出格式（默认 pdf）
  --out 文件               输出到这里（默认 书的文件夹/build/book.pdf、book.epub、book.docx、build/html/）
  --writing-mode horizontal|vertical   横排或竖排（默认按 book.yaml）
  --to zh-Hant|zh-TW|zh-HK|zh-Hans   简体书稿转为繁体（或繁体转为简体）；书稿与 book.yaml 的 language 同一字体时不转换
  --allow-missing-images   找不到或损坏的图片只警告，书中标出“缺图”（默认是错误）
  --mask-personal          身份证号、手机号印成 110105********123X、138****5678（公开版）
  --jobs N                 横排书同时排几段（默认比 CPU 核数少一，至少 1）
  --cache-dir 文件夹       编好的稿件和排好的段落存在这里，下次只重做改过的（默认 书的文件夹/build/.cache，可随时删除）
PDF 交印厂：
  --press                  出血、裁切框（TrimBox/BleedBox），去掉链接
  --pdfa                   存档用 PDF/A-2（带结构的 2a，否则 2b）
  --bleed 毫米             出血宽度（默认 3）
  --marks                  画裁切线
  --pdfx gray|cmyk         转为 PDF/X-1a（需要 Ghostscript）
小册子（--format booklet，骑马钉）：
  --select 部分,标签,文件   只收这些稿件（默认全部）
  --title 标题             小册子封面上的标题
  --sheet A4|A3            纸张（默认能并排放两页的最小纸）
  --binding left|right     装订边（竖排默认 right）
  --signature 页数         每帖页数（4 的倍数）
  --duplex short|long      双面打印的翻转方式（默认 short）
  --creep 毫米             每张纸向书脊的偏移（纸厚）
  --calibration            只印一张校准页，先试打印机
单篇抽印本（--format offprint，从整本书里截出，页码、书眉与书中相同）：
  --select 文件|标题|部分   稿件文件名、文章标题或部分名（必填）
  --each                   每篇一个 PDF，放进 --out 文件夹（默认 build/offprints/）
校样（--format proof，与书同样分页，每行标行号，附带校样数据）：
  --against 上一轮校样.pdf   下一轮校样：改动的行旁画竖线，卷首列出改动清单
封面（--format cover，胶装：封底、书脊、封面连成一页）：
  --paper-thickness 毫米   每张纸（两页）的厚度（默认 0.1），书脊宽 = 张数 × 纸厚
  --bleed 毫米             出血宽度（默认 3）
  --pdfx gray|cmyk         转为 PDF/X-1a（需要 Ghostscript）

例：huibian build . --format pdf --writing-mode vertical
    huibian build 年鉴 --press --pdfx cmyk --out 印厂.pdf
    huibian build . --format booklet --select 学习资料 --title 学习材料
    huibian build . --format offprint --select 青溪大桥建成通车
    huibian build . --format cover --paper-thickness 0.09
    huibian build . --format proof --against build/proof-1.pdf --out build/proof-2.pdf`;

/** `huibian build`: options → build with progress → warnings and the output path. */
export async function run(argv: string[], signal: AbortSignal): Promise<void> {
  const options = parseBuildOptions(argv);
  const progress = new Progress();
  try {
    const result = await buildBook(options, {progress, signal});
    progress.end();
    const warnings = formatMessages(result.files);
    if (warnings) process.stderr.write(`${warnings}\n`);
    const total = progress.steps.reduce((sum, [, seconds]) => sum + seconds, 0);
    const pages = result.pageCount === undefined ? '' : `，${result.pageCount} 页`;
    for (const line of result.report ?? []) process.stderr.write(`${line}\n`);
    process.stderr.write(`完成：${relative(process.cwd(), result.out) || result.out}（${total.toFixed(1)} 秒${pages}）\n`);
  } catch (error) {
    progress.fail();
    // A cancelled build says so, whatever step it stopped in and however.
    const failure: unknown = signal.aborted ? signal.reason : error;
    // Outputs are only ever replaced whole (written beside, then renamed): the last good one
    // is still there, untouched, and the user is told it is not this build's.
    if (failure instanceof Error && existsSync(options.out))
      failure.message += `；上次的 ${relative(process.cwd(), options.out) || options.out} 保持原样，未更新`;
    throw failure;
  }
}
