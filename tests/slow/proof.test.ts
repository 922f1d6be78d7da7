import {cp, readFile, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {mkdtemp} from 'node:fs/promises';
import {beforeAll, describe, expect, it} from 'vitest';
import {readProofData, type ProofData} from '../../src/proof/proof-data.js';
import {huibian} from '../helpers/cli.js';
import {type CorpusBook, makeProseBook} from '../helpers/corpus.js';
import {allPagesText, qpdfCheck} from '../helpers/pdf-tools.js';
import {middleOf, type ProofPage, readProofPages} from '../helpers/proof-pages.js';

// Issue 25: rounds of proofs of a book of real prose (the Debian manuals), read back with
// mutool — not with the pdf.js reading the proof is made from.
const squash = (text: string) => text.replace(/\s+/g, '');

/** The three edits of a proof round, each in its own article; what the list must then say. */
const EDITS = {
  replaced: {article: 5, from: '', to: '（此处按第二轮校样改过）'},
  inserted: {article: 9, paragraph: `${'这是第二轮校样前新加的一段话，它足够长，会把这篇文章推到下一页，后面的文章随之后移。'.repeat(9)}`},
  deleted: {article: 14, sentence: ''},
};

interface Round {
  pdf: string;
  data: ProofData;
  pages: ProofPage[];
  stderr: string;
}

describe('proofs of a book of real prose (issue 25)', () => {
  let book: CorpusBook;
  let titles: Set<string>;
  const rounds: Round[] = [];
  let vertical: Round;

  const read = async (pdf: string, stderr: string, mode: 'horizontal' | 'vertical'): Promise<Round> => {
    const data = await readProofData(new Uint8Array(await readFile(pdf)), pdf);
    const pages = await readProofPages(pdf, mode, titles);
    return {pdf, data, pages, stderr};
  };

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'huibian-proof-'));
    book = await makeProseBook(path.join(dir, 'book'), 24);
    const manuscripts = await Promise.all(book.manuscripts.map((name) => readFile(path.join(book.dir, name), 'utf8')));
    // The running heads: the book's title, and each article's title.
    titles = new Set(['Debian文档选读', ...manuscripts.map((text) => squash(/^title: "(.*)"$/m.exec(text)![1]!))]);

    const first = await huibian(['build', book.dir, '--format', 'proof', '--out', path.join(dir, 'proof-1.pdf')]);
    expect(first.code, first.stderr).toBe(0);
    rounds.push(await read(path.join(dir, 'proof-1.pdf'), first.stderr, 'horizontal'));

    // The second round: a phrase replaced, a paragraph put in, a sentence taken out.
    const edited = path.join(dir, 'edited');
    await cp(book.dir, edited, {recursive: true, filter: (source) => !source.includes(`${path.sep}build`)});
    const file = (n: number) => path.join(edited, book.manuscripts[n - 1]!);
    const change = async (n: number, edit: (body: string) => string) => {
      const [, matter, body] = /^(---\n[\s\S]*?\n---\n)([\s\S]*)$/.exec(await readFile(file(n), 'utf8'))!;
      await writeFile(file(n), matter + edit(body!));
    };
    await change(EDITS.replaced.article, (body) => {
      // The first phrase of six Han characters of the article's second paragraph.
      EDITS.replaced.from = /\p{Script=Han}{6}/u.exec(body.split('\n\n')[1]!)![0];
      return body.replace(EDITS.replaced.from, EDITS.replaced.to);
    });
    await change(EDITS.inserted.article, (body) => {
      const blocks = body.split('\n\n');
      blocks.splice(3, 0, EDITS.inserted.paragraph);
      return blocks.join('\n\n');
    });
    await change(EDITS.deleted.article, (body) => {
      // A whole sentence of Han and Chinese punctuation only, in the article's third paragraph.
      EDITS.deleted.sentence = /(?<=。)[\p{Script=Han}，、]{6,40}。/u.exec(body.split('\n\n').slice(2).join('\n\n'))![0];
      return body.replace(EDITS.deleted.sentence, '');
    });
    const second = await huibian(['build', edited, '--format', 'proof', '--against', rounds[0]!.pdf, '--out', path.join(dir, 'proof-2.pdf')]);
    expect(second.code, second.stderr).toBe(0);
    rounds.push(await read(path.join(dir, 'proof-2.pdf'), second.stderr, 'horizontal'));

    const upright = await huibian(['build', book.dir, '--format', 'proof', '--writing-mode', 'vertical', '--out', path.join(dir, 'proof-v.pdf')]);
    expect(upright.code, upright.stderr).toBe(0);
    vertical = await read(path.join(dir, 'proof-v.pdf'), upright.stderr, 'vertical');
  });

  /** The pages of the book in a round's PDF (after the list of changes, in a later round). */
  const bookPages = (round: Round) => round.pages.slice(round.pages.length - round.data.pages.length);

  it('should number every printed line of every page, counted from 1 on each page, beside its line', () => {
    for (const round of [rounds[0]!, vertical]) {
      const mode = round === vertical ? 'vertical' : 'horizontal';
      let lines = 0;
      for (const [p, page] of bookPages(round).entries()) {
        expect(
          page.numbers.map((x) => x.n),
          `page ${p + 1}`,
        ).toEqual(page.body.map((_, i) => i + 1));
        // Level with the middle of the line (mutool's boxes run from the font's ascender to its descender: a large title's are tall).
        for (const [i, {line}] of page.numbers.entries()) {
          const body = page.body[i]!;
          expect(Math.abs(middleOf(line, mode) - middleOf(body, mode)), `page ${p + 1} line ${i + 1}`).toBeLessThan(Math.max(3, 0.2 * body.em));
        }
        lines += page.body.length;
      }
      expect(lines).toBeGreaterThan(500);
    }
  });

  it('should carry the text of every line in its data, as mutool reads it, each article’s with its manuscript line', () => {
    const round = rounds[0]!;
    for (const [p, page] of bookPages(round).entries()) {
      // Characters compared as sets: mutool reads a ligature's letters out of order (Makeflie).
      const chars = (text: string) => [...squash(text)].sort().join('');
      expect(
        round.data.pages[p]!.lines.map((l) => chars(l.text)),
        `page ${p + 1}`,
      ).toEqual(page.body.map((l) => chars(l.text)));
    }
    const body = round.data.pages.flatMap((page) => page.lines).filter((line) => line.article);
    expect(body.filter((line) => line.at).length).toBeGreaterThan(0.99 * body.length);
  });

  it('should head every page with the round, the book and the time, and name each manuscript where it opens', async () => {
    const texts = await allPagesText(rounds[0]!.pdf);
    for (const text of texts) expect(text).toMatch(/校样 第1次 · 《Debian ?文档选读》 · \d{4}-\d\d-\d\d \d\d:\d\d/);
    const marks = rounds[0]!.pages.map((page) => page.marks).join('');
    for (const name of book.manuscripts) expect(marks).toContain(name);
    expect((await qpdfCheck(rounds[0]!.pdf)).ok).toBe(true);
  });

  it('should list exactly the three edits in the next round, each at the page and line where it now stands', async () => {
    const [, round] = rounds;
    expect(round!.stderr).toMatch(/校样第 2 次：改动清单 \d+ 页，书 \d+ 页 \d+ 行；对照第 1 次：改动 3 篇 3 处；\d+ 篇页码后移/);
    const listPages = round!.pages.length - round!.data.pages.length;
    expect(listPages).toBeGreaterThanOrEqual(1);
    const list = squash((await allPagesText(round!.pdf)).slice(0, listPages).join(''));
    const title = (n: number) => round!.data.articles.find((a) => a.file === book.manuscripts[n - 1])!.title;
    for (const n of [EDITS.replaced.article, EDITS.inserted.article, EDITS.deleted.article]) expect(list).toContain(squash(`《${title(n)}》`));
    expect(list).toContain(squash(EDITS.replaced.from) + squash(EDITS.replaced.to));
    expect(list).toContain(squash(EDITS.inserted.paragraph));
    expect(list).toContain(squash(EDITS.deleted.sentence));
    // Three changes, no more: one place each.
    const places = [...list.matchAll(/第(\d+)页第(\d+)行/g)].map((m) => ({label: m[1]!, line: Number(m[2])}));
    expect(places).toHaveLength(3);
    // Each place is a line that now holds the change (or, for the sentence taken out, what follows it).
    const pages = bookPages(round!);
    const expected = [squash(EDITS.replaced.to).slice(0, 4), squash(EDITS.inserted.paragraph).slice(0, 4), undefined];
    places.forEach((place, i) => {
      const p = round!.data.pages.findIndex((page) => page.label === place.label);
      const text = squash(pages[p]!.body[place.line - 1]!.text);
      if (expected[i]) expect(text).toContain(expected[i]);
      else expect(text.length).toBeGreaterThan(0);
    });
  });

  it('should bar the changed lines and no other, however far the pages after them moved', () => {
    const [, round] = rounds;
    const pages = bookPages(round!);
    const barred = pages.flatMap((page, p) =>
      page.bars.map((bar) => {
        const middle = (bar[1] + bar[3]) / 2;
        const line = page.numbers.find(({line}) => Math.abs(middleOf(line, 'horizontal') - middle) < 3);
        return `${p}:${line?.n}`;
      }),
    );
    const expected = new Set<string>();
    for (const [p, page] of round!.data.pages.entries()) {
      for (const line of page.lines) {
        const text = squash(line.text);
        if (squash(EDITS.inserted.paragraph).includes(text) || text.includes(squash(EDITS.replaced.to).slice(0, 3))) expected.add(`${p}:${line.n}`);
      }
    }
    expect(barred.length).toBeGreaterThan(expected.size);
    for (const key of expected) expect(barred).toContain(key);
    // The one other bar is the sentence taken out, on one line.
    expect(barred.length).toBeLessThanOrEqual(expected.size + 2);
    expect(barred.every((key) => !key.endsWith('undefined'))).toBe(true);
  });

  it('should list the articles that now open on a later page, and say so in the terminal', async () => {
    const [first, second] = rounds;
    const list = squash((await allPagesText(second!.pdf)).slice(0, second!.pages.length - second!.data.pages.length).join(''));
    const moved = second!.data.articles.filter((a) => first!.data.articles.find((b) => b.file === a.file)!.label !== a.label);
    expect(moved.length).toBeGreaterThan(10);
    for (const article of moved) {
      const before = first!.data.articles.find((b) => b.file === article.file)!.label;
      expect(list).toContain(squash(`《${article.title}》${before}→${article.label}`));
    }
    expect(second!.stderr).toContain(`${moved.length} 篇页码后移`);
  });

  it('should number the columns of a vertical proof under each column', () => {
    const pages = bookPages(vertical);
    const columns = pages.reduce((n, page) => n + page.body.length, 0);
    expect(columns).toBe(vertical.data.pages.reduce((n, page) => n + page.lines.length, 0));
    // Under the columns: every number lower on the page than the column's foot.
    for (const page of pages) {
      page.numbers.forEach(({line}, i) => {
        const column = page.body[i]!;
        expect(Math.min(...line.chars.map((c) => c.box[1]))).toBeGreaterThan(Math.max(...column.chars.map((c) => c.box[3])) - 1);
      });
    }
  });
});
