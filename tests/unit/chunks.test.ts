import {describe, expect, it} from 'vitest';
import type {Article, Book} from '../../src/model/book.js';
import {type Chunk, planChunks} from '../../src/render/pdf/paged/chunks.js';
import {rectoStarts} from '../../src/render/pdf/stitch.js';

const article = (n: number, chars: number): Article => ({
  id: `a${n}`,
  title: `第${n}篇`,
  runningHead: `第${n}篇`,
  tags: [],
  file: `manuscripts/${String(n).padStart(3, '0')}-稿件.md`,
  footnotes: [],
  body: {type: 'root', children: [{type: 'element', tagName: 'p', properties: {}, children: [{type: 'text', value: '字'.repeat(chars)}]}]},
});

/** A book of `parts` parts of `perPart` articles each, lengths varying from 1500 to 6000 characters. */
function bookOf(articleStart: Book['meta']['articleStart'], parts = 4, perPart = 30, lengthOf = (n: number) => 1500 + ((n * 2654435761) % 4500)): Book {
  let n = 0;
  const next = () => {
    n += 1;
    return article(n, lengthOf(n));
  };
  return {
    meta: {articleStart, writingMode: 'horizontal'},
    front: [next()],
    parts: Array.from({length: parts}, (_, i) => ({id: `p${i + 1}`, number: i + 1, title: `部分${i + 1}`, articles: Array.from({length: perPart}, next)})),
  } as unknown as Book;
}

const allIds = (book: Book) => [...book.front.map((a) => a.id), ...book.parts.flatMap((p) => [p.id, ...p.articles.map((a) => a.id)])];

function expectWellFormed(book: Book, chunks: Chunk[]): void {
  expect(chunks.flatMap((c) => c.ids)).toEqual(allIds(book));
  expect(chunks[0]!.recto).toBe(true);
  const recto = new Set(rectoStarts(book));
  for (const chunk of chunks) {
    expect(chunk.recto).toBe(recto.has(chunk.ids[0]!) || chunk === chunks[0]);
    // A chunk that may land on a verso (and be mirrored) holds nothing that needs a recto.
    if (!chunk.recto) expect(chunk.ids.filter((id) => recto.has(id))).toEqual([]);
  }
}

describe('planChunks', () => {
  it('should cut a long book into chunks of several articles, each section once and in order', () => {
    for (const mode of ['page', 'recto'] as const) {
      const book = bookOf(mode);
      const chunks = planChunks(book);
      expectWellFormed(book, chunks);
      expect(chunks.length).toBeGreaterThan(8);
      expect(chunks.length).toBeLessThan(60);
    }
  });

  it('should begin chunks only at parts in `continue` mode, where articles share pages', () => {
    const book = bookOf('continue');
    const chunks = planChunks(book);
    expectWellFormed(book, chunks);
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks.slice(1)) expect(chunk.ids[0]).toMatch(/^p\d+$/);
  });

  it('should keep every chunk but the edited article’s (and at most the next) when one article grows', () => {
    const before = planChunks(bookOf('page'));
    const after = planChunks(bookOf('page', 4, 30, (n) => (n === 50 ? 9000 : 1500 + ((n * 2654435761) % 4500))));
    const key = (c: Chunk) => c.ids.join(' ');
    const kept = new Set(before.map(key));
    // The edited article's chunk has new content; any other chunk with new ids is laid out again too.
    const laidAgain = after.filter((c) => !kept.has(key(c)) || c.ids.includes('a50'));
    expect(laidAgain.length).toBeLessThanOrEqual(2);
    expect(after.length - laidAgain.length).toBeGreaterThan(before.length - 4);
  });

  it('should lay a small book out in one chunk per part or so, never an empty one', () => {
    const book = bookOf('page', 2, 3);
    const chunks = planChunks(book);
    expectWellFormed(book, chunks);
    expect(chunks.every((c) => c.ids.length > 0)).toBe(true);
  });
});
