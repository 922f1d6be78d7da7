import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {fromHtml} from 'hast-util-from-html';
import {select, selectAll} from 'hast-util-select';
import {toString as textOf} from 'hast-util-to-string';
import {describe, expect, it} from 'vitest';
import {draftToMarkdown} from '../../src/import/draft.js';
import {htmlArticle} from '../../src/import/html-article.js';
import {makeBook} from '../helpers/book.js';
import {huibian} from '../helpers/cli.js';
import {hanCounts, missingHan} from '../helpers/pdf-tools.js';
import {corpusSources} from '../helpers/corpus.js';

// Web pages nobody here wrote: the DocBook HTML of two Debian manuals in Chinese, with their
// navigation bars, code screens, tables and notes, imported as a user would import pages.
describe('importing real web pages (the Debian manuals)', () => {
  for (const [name, dir] of [
    ['maint-guide', corpusSources.maintGuide],
    ['FAQ', corpusSources.faq],
  ] as const) {
    it(`should read every page of the ${name} with its title, losing no text but the navigation and the page's contents`, async () => {
      const pages = (await readdir(dir)).filter((f) => f.endsWith('.html'));
      expect(pages.length).toBeGreaterThan(8);
      const han = (text: string) => (text.match(/\p{Script=Han}/gu) ?? []).length;
      for (const page of pages) {
        const html = await readFile(path.join(dir, page), 'utf8');
        const tree = fromHtml(html);
        const draft = htmlArticle(html, page);
        expect(draft.title, page).not.toBe(page);
        const body = textOf(select('body', tree)!);
        const dropped = (kept: (as: string | undefined) => boolean) =>
          draft.dropped
            .filter((d) => kept(d.as))
            .map((d) => d.text)
            .join('');
        expect(missingHan(hanCounts(body), hanCounts(draftToMarkdown(draft) + dropped(() => true))), page).toEqual([]);
        // What was left out besides the page's contents is the navigation: a small share of the page.
        expect(han(dropped((as) => as !== 'toc')) / han(body), page).toBeLessThan(0.15);
        // The page's own table of contents (DocBook's div.toc) is left out and named: no block runs through its entries.
        const entries = selectAll('.toc a', tree)
          .map((a) => textOf(a).replace(/\s+/g, ''))
          .filter((entry) => entry.length >= 6);
        expect(entries.length, page).toBeGreaterThan(2);
        const runs = draft.blocks.filter((b) => 'text' in b && entries.filter((e) => b.text.replace(/\s+/g, '').includes(e)).length >= 3);
        expect(runs, page).toEqual([]);
        expect(
          draft.dropped.some((d) => d.as === 'toc'),
          page,
        ).toBe(true);
      }
    });
  }

  it('should import the whole guide with the command and build it without an error', async () => {
    const dir = await makeBook({'book.yaml': 'title: 新维护者手册\n'});
    const imported = await huibian(['import', corpusSources.maintGuide], {cwd: dir});
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr.match(/^✔ /gm)?.length).toBeGreaterThan(8);
    const build = await huibian(['build', '.', '--format', 'html'], {cwd: dir});
    expect(build.code, build.stderr).toBe(0);
    expect(build.stderr).not.toMatch(/: error: /);
  });
});
