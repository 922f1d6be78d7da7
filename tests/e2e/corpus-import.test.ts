import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {fromHtml} from 'hast-util-from-html';
import {select} from 'hast-util-select';
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
    it(`should read every page of the ${name} with its title, losing no text but the navigation`, async () => {
      const pages = (await readdir(dir)).filter((f) => f.endsWith('.html'));
      expect(pages.length).toBeGreaterThan(8);
      for (const page of pages) {
        const html = await readFile(path.join(dir, page), 'utf8');
        const draft = htmlArticle(html, page);
        expect(draft.title, page).not.toBe(page);
        const body = textOf(select('body', fromHtml(html))!);
        expect(missingHan(hanCounts(body), hanCounts(draftToMarkdown(draft) + draft.dropped.join(''))), page).toEqual([]);
        // What was left out is the navigation: a small share of the page.
        const dropped = (draft.dropped.join('').match(/\p{Script=Han}/gu) ?? []).length;
        expect(dropped / (body.match(/\p{Script=Han}/gu) ?? []).length, page).toBeLessThan(0.15);
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
