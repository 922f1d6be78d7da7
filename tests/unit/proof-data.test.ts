import {PDFDocument} from 'pdf-lib';
import {describe, expect, it} from 'vitest';
import {parseBuildOptions} from '../../src/cli/build-args.js';
import {attachProofData, type ProofData, readProofData} from '../../src/proof/proof-data.js';
import {InputError, UsageError} from '../../src/report/messages.js';

const data: ProofData = {
  format: 'huibian-proof',
  version: 1,
  round: 2,
  title: '青溪镇二〇二五年工作汇编',
  built: '2026-12-01T08:00:00.000Z',
  writingMode: 'vertical',
  pages: [{label: '1', lines: [{n: 1, text: '青溪大桥建成通车', kind: 'text', article: 'manuscripts/09.md', at: 2}]}],
  articles: [{file: 'manuscripts/09.md', title: '青溪大桥建成通车', page: 0, label: '1'}],
  entries: [{kind: 'toc', text: '青溪大桥建成通车', pages: '1'}],
};

async function pdf(attach?: (doc: PDFDocument) => Promise<void>): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([420, 595]);
  await attach?.(doc);
  return doc.save();
}

/** The message of the input error `work` throws. */
async function refusal(work: Promise<unknown>): Promise<string> {
  const error = await work.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).files[0]!.messages[0]!.reason;
}

describe('the data a proof carries', () => {
  it('should be read back from the PDF it was attached to, as it was', async () => {
    const bytes = await pdf((doc) => attachProofData(doc, data));
    expect(await readProofData(bytes, 'proof-2.pdf')).toEqual(data);
  });

  it('should refuse, at the file, what is no PDF, a PDF without data, or data of another kind', async () => {
    expect(await refusal(readProofData(new TextEncoder().encode('not a pdf'), 'a.pdf'))).toMatch(/^不是可读的 PDF：--against 要的是上一轮/);
    expect(await refusal(readProofData(await pdf(), 'book.pdf'))).toMatch(/没有附带校样数据（huibian-proof.json）/);
    const other = await pdf((doc) => attachProofData(doc, {...data, version: 2} as unknown as ProofData));
    expect(await refusal(readProofData(other, 'old.pdf'))).toMatch(/不是这个版本的 huibian 能读的/);
  });
});

describe('--format proof on the command line', () => {
  it('should take --against only for proofs, as a path from where the command runs', () => {
    expect(parseBuildOptions(['--format', 'proof', '--against', 'build/proof-1.pdf'], '/books/x').proof).toEqual({against: '/books/x/build/proof-1.pdf'});
    expect(parseBuildOptions(['--format', 'proof'], '/books/x')).toMatchObject({proof: {}, out: '/books/x/build/proof.pdf'});
    expect(() => parseBuildOptions(['--against', 'a.pdf'], '/books/x')).toThrow(UsageError);
    expect(() => parseBuildOptions(['--format', 'epub', '--against', 'a.pdf'], '/books/x')).toThrow(/--against 只用于 --format proof/);
  });
});
