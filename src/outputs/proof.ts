/**
 * Proofs (校样, `--format proof`): the book exactly as it prints, every page marked for the
 * readers of a proof round — the round, the book and when in the head margin, a number beside
 * every line, where each article opens its manuscript — and its own data attached. With
 * `--against` the previous round's proof, the next round: bars beside the changed lines and
 * the list of changes first (docs/proofs.md).
 */
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import type {LoadedBook} from '../core/load-book.js';
import type {BuildContext, BuildOptions, BuildResult} from '../core/options.js';
import {printBook} from '../core/print-book.js';
import {withBrowser} from '../core/with-browser.js';
import {writeAtomic} from '../files/write-atomic.js';
import {assembleProof} from '../proof/assemble.js';
import {changeSummary, compareProofs} from '../proof/changes.js';
import {printProofPages} from '../proof/print-marks.js';
import {proofData, readProofData} from '../proof/proof-data.js';
import {printedLines} from '../render/pdf/printed-lines.js';
import {buildDate} from '../render/shared/build-date.js';
import {UsageError} from '../report/messages.js';

/** Print the book, read its lines back, compare them with the last round's, and write the proof. */
export async function buildProof({book, files}: LoadedBook, options: BuildOptions, context: BuildContext): Promise<BuildResult> {
  const against = options.proof?.against;
  // An earlier proof that cannot be read stops the build before the book is printed.
  const before = against === undefined ? undefined : await readProofData(await readAgainst(against), path.relative(process.cwd(), against) || against);
  return withBrowser(context.signal, async (browser) => {
    const printed = await printBook(book, options, context);
    context.progress?.detail('读取每页的行');
    const pages = await printedLines(printed.pdf, book.meta.writingMode === 'vertical');
    const data = proofData(book, printed.layout, pages, {round: (before?.round ?? 0) + 1, built: buildDate()});
    const changes = before && compareProofs(before, data);
    const proofPages = await printProofPages(book, pages, data, changes, {signal: context.signal, browser});
    const {pdf, listPages} = await assembleProof(book, printed.layout, printed.pdf, proofPages, data);
    await writeAtomic(options.out, pdf, {signal: context.signal});
    const lines = data.pages.reduce((n, page) => n + page.lines.length, 0);
    const list = listPages > 0 ? `改动清单 ${listPages} 页，` : '';
    const compared = changes ? `；对照第 ${changes.against.round} 次：${changeSummary(changes)}` : '';
    return {
      out: options.out,
      files,
      pageCount: listPages + printed.pageCount,
      report: [`校样第 ${data.round} 次：${list}书 ${printed.pageCount} 页 ${lines} 行${compared}`],
    };
  });
}

async function readAgainst(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch {
    throw new UsageError(`--against：读不到 ${file}：请给上一轮校样 PDF 的路径`);
  }
}
