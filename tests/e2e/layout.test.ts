import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildBook} from '../../src/outputs/build-book.js';
import {makeBook, manuscript, smallBook} from '../helpers/book.js';
import {allPagesText, pageText, qpdfJson} from '../helpers/pdf-tools.js';

const long = (seed: string, n: number) =>
  Array.from({length: n}, (_, i) => `${seed}第${i + 1}段，这是一段用于撑满版面的文字，说明排版在多页之间是否连贯。`).join('\n\n');

const builds = new Map<string, ReturnType<typeof buildOnce>>();

/** Build (once per mode) a book with the given articleStart: its pages' text and the body's first page (1-based). */
function build(articleStart: string, writingMode = 'horizontal') {
  const key = `${articleStart}-${writingMode}`;
  if (!builds.has(key)) builds.set(key, buildOnce(articleStart, writingMode));
  return builds.get(key)!;
}

async function buildOnce(articleStart: string, writingMode: string) {
  const dir = await makeBook(
    smallBook({
      'book.yaml': `title: 测试村年鉴\narticleStart: ${articleStart}\nwritingMode: ${writingMode}\nparts:\n  - 村务\n  - 生活\n`,
      'manuscripts/05-e.md': manuscript({title: '秋收小记', date: '2025-10-01', part: '生活'}, long('秋收', 3)),
      'manuscripts/06-f.md': manuscript({title: '冬日消息', date: '2025-12-01', part: '生活'}, long('冬日', 2)),
    }),
  );
  const out = path.join(os.tmpdir(), `huibian-layout-${articleStart}-${writingMode}-${process.pid}.pdf`);
  await buildBook({bookDir: dir, format: 'pdf', out});
  const pages = (await allPagesText(out)).map((p) => p.replace(/\s+/g, ''));
  const json = await qpdfJson(out);
  const bodyStart = json.pagelabels.find((l) => l.label['/S'] === '/D')!.index + 1;
  const han = (text: string) => (text.match(/\p{Script=Han}/gu) ?? []).join('');
  // The first body page that shows the title is where the article opens (later ones show it as running head).
  const opening = (title: string) => pages.findIndex((p, i) => i >= bodyStart - 1 && han(p).includes(han(title))) + 1;
  return {out, pages, bodyStart, opening};
}

describe('where articles start (articleStart)', () => {
  it('should open every article on a new page with `page`, and on a right-hand page with `recto`', async () => {
    const page = await build('page');
    const recto = await build('recto');
    const titles = ['写在前面', '村里修了一条路', '春天的集市', '秋收小记', '冬日消息'];
    for (const title of titles) {
      expect(page.opening(title), title).toBeGreaterThan(0);
      expect(recto.opening(title) % 2, `${title} on page ${recto.opening(title)}`).toBe(1);
    }
    expect(recto.pages.length).toBeGreaterThanOrEqual(page.pages.length);
  });

  it('should open articles on rectos in a vertical book too (blank pages inserted after printing)', async () => {
    const recto = await build('recto', 'vertical');
    for (const title of ['写在前面', '村里修了一条路', '春天的集市', '秋收小记', '冬日消息']) {
      expect(recto.opening(title) % 2, `${title} on page ${recto.opening(title)}`).toBe(1);
    }
    const cont = await build('continue', 'vertical');
    expect(cont.pages.length).toBeLessThan(recto.pages.length);
  });

  it('should run articles on after each other with `continue`, saving pages', async () => {
    const page = await build('page');
    const cont = await build('continue');
    expect(cont.pages.length).toBeLessThan(page.pages.length);
    const spring = cont.pages.findIndex((p) => p.includes('春天的集市'));
    const autumn = cont.pages.findIndex((p) => p.includes('秋收小记'));
    // 春天的集市 is short: 秋收小记, next in part 生活, runs on below it on the same page.
    expect(autumn).toBe(spring);
  });

  it('should set a footnote at the foot of the page that calls it', async () => {
    const {out, pages, bodyStart} = await build('page');
    const index = pages.findIndex((p, i) => i >= bodyStart - 1 && p.startsWith('村里修了一条路'));
    const foot = await pageText(out, index + 1, {x: 0, y: 400, w: 420, h: 145});
    expect(foot.replace(/\s+/g, '')).toContain('①在村民大会上提出。');
    const top = await pageText(out, index + 1, {x: 0, y: 51, w: 420, h: 200});
    expect(top.replace(/\s+/g, '')).toContain('修路的愿望①。');
  });
});
