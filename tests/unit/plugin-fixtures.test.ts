import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import {type Plugin, unified} from 'unified';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import remarkGfmLiterals from '../../src/markdown/gfm-literals.js';
import rehypeCjkGlue from '../../src/markdown/plugins/rehype-cjk-glue.js';
import rehypeExtractFootnotes from '../../src/markdown/plugins/rehype-extract-footnotes.js';
import rehypeFigure from '../../src/markdown/plugins/rehype-figure.js';
import rehypeHeadingPhrases from '../../src/markdown/plugins/rehype-heading-phrases.js';
import rehypeLatinBreaks from '../../src/markdown/plugins/rehype-latin-breaks.js';
import rehypeLocalImages from '../../src/markdown/plugins/rehype-local-images.js';
import rehypeRomanNumerals from '../../src/markdown/plugins/rehype-roman-numerals.js';
import rehypeSanitizeRaw from '../../src/markdown/plugins/rehype-sanitize-raw.js';
import rehypeScopeIds from '../../src/markdown/plugins/rehype-scope-ids.js';
import remarkCjkNormalize from '../../src/markdown/plugins/remark-cjk-normalize.js';
import remarkHuibianDirectives from '../../src/markdown/plugins/remark-huibian-directives.js';
import remarkLintBrackets from '../../src/markdown/plugins/remark-lint-brackets.js';
import remarkLintParagraphStart from '../../src/markdown/plugins/remark-lint-paragraph-start.js';
import remarkManuscriptMatter from '../../src/markdown/plugins/remark-manuscript-matter.js';
import remarkPersonalData from '../../src/markdown/plugins/remark-personal-data.js';
import {expectReference} from '../helpers/references.js';
import {root} from '../helpers/sample.js';

/**
 * Every unified plugin alone, on fixtures (the way remark-gfm tests its own): each folder of
 * tests/fixtures/plugins/ is named after a plugin and holds `CASE.md` inputs with the expected
 * `CASE.html` (the tree after Markdown → the plugin → HTML: CommonMark, GFM as huibian reads it and front matter,
 * directives only for the directives plugin) and, where the plugin says something, `CASE.messages.txt`; where it leaves data
 * on the file, `CASE.data.json`. A first line `<!-- options: {…} -->` gives the plugin options.
 * A missing expected file fails; `npm run test:update` writes them from the current output (and
 * removes those no longer produced), to be read and kept.
 */
// biome-ignore lint/suspicious/noExplicitAny: plugins of both stages, with their own option types
const PLUGINS: Record<string, {stage: 'remark' | 'rehype'; plugin: Plugin<any[], any, any>}> = {
  'rehype-cjk-glue': {stage: 'rehype', plugin: rehypeCjkGlue},
  'rehype-extract-footnotes': {stage: 'rehype', plugin: rehypeExtractFootnotes},
  'rehype-figure': {stage: 'rehype', plugin: rehypeFigure},
  'rehype-heading-phrases': {stage: 'rehype', plugin: rehypeHeadingPhrases},
  'rehype-latin-breaks': {stage: 'rehype', plugin: rehypeLatinBreaks},
  'rehype-local-images': {stage: 'rehype', plugin: rehypeLocalImages},
  'rehype-roman-numerals': {stage: 'rehype', plugin: rehypeRomanNumerals},
  'rehype-sanitize-raw': {stage: 'rehype', plugin: rehypeSanitizeRaw},
  'rehype-scope-ids': {stage: 'rehype', plugin: rehypeScopeIds},
  'remark-cjk-normalize': {stage: 'remark', plugin: remarkCjkNormalize},
  'remark-huibian-directives': {stage: 'remark', plugin: remarkHuibianDirectives},
  'remark-lint-brackets': {stage: 'remark', plugin: remarkLintBrackets},
  'remark-lint-paragraph-start': {stage: 'remark', plugin: remarkLintParagraphStart},
  'remark-manuscript-matter': {stage: 'remark', plugin: remarkManuscriptMatter},
  'remark-personal-data': {stage: 'remark', plugin: remarkPersonalData},
};

const fixtures = path.join(root, 'tests', 'fixtures', 'plugins');
const OPTIONS = /^<!-- options: (.*) -->\n/;

async function run(name: string, input: string, filePath: string): Promise<VFile> {
  const {stage, plugin} = PLUGINS[name]!;
  const options = OPTIONS.exec(input)?.[1];
  const value = input.replace(OPTIONS, '');
  const file = new VFile({value, path: filePath, cwd: path.dirname(filePath), data: {idPrefix: 'm1'}});
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm, {singleTilde: false}).use(remarkGfmLiterals);
  // Only the directives plugin gets directive syntax: elsewhere `:help` stays text, as the
  // pipeline's directives plugin turns unknown directives back into it.
  if (name === 'remark-huibian-directives') processor.use(remarkDirective);
  const configured = options ? [plugin, JSON.parse(options)] : [plugin];
  // Raw HTML reaches the tree as the pipeline lets it: for the sanitizer to parse.
  if (stage === 'remark') processor.use(...(configured as [Plugin])).use(remarkRehype);
  else processor.use(remarkRehype, {allowDangerousHtml: name === 'rehype-sanitize-raw'}).use(...(configured as [Plugin]));
  const tree = await processor.run(processor.parse(file), file);
  file.value = unified()
    .use(rehypeStringify)
    .stringify(tree as never);
  return file;
}

/** What a plugin leaves on the file for later steps, with paths relative to the fixture. */
function dataOf(file: VFile, dir: string): string | undefined {
  const {footnotes, assets, matter, personalData} = file.data;
  const data = {
    ...(footnotes ? {footnotes} : {}),
    ...(assets ? {assets: assets.map((a) => ({...a, path: path.relative(dir, a.path)}))} : {}),
    ...(matter ? {matter} : {}),
    ...(personalData ? {personalData} : {}),
  };
  return Object.keys(data).length > 0 ? `${JSON.stringify(data, (key, value) => (key === 'position' ? undefined : value), 2)}\n` : undefined;
}

describe('unified plugins, each alone on fixtures', () => {
  it('should have a fixture folder for every plugin in src/markdown/plugins, and a plugin for every folder', () => {
    const sources = readdirSync(path.join(root, 'src', 'markdown', 'plugins')).map((f) => f.replace(/\.ts$/, ''));
    expect(readdirSync(fixtures).sort()).toEqual(sources.sort());
    expect(Object.keys(PLUGINS).sort()).toEqual(sources.sort());
    // A folder without a case would test nothing.
    for (const name of sources) expect(readdirSync(path.join(fixtures, name)).filter((f) => f.endsWith('.md')).length, name).toBeGreaterThan(0);
  });

  for (const name of Object.keys(PLUGINS)) {
    const dir = path.join(fixtures, name);
    const cases = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')) : [];
    for (const input of cases) {
      it(`${name}: ${input.replace(/\.md$/, '')}`, async () => {
        const source = path.join(dir, input);
        const file = await run(name, readFileSync(source, 'utf8'), source);
        const base = source.replace(/\.md$/, '');
        expectReference(`${base}.html`, `${String(file.value)}\n`);
        const messages = file.messages.map(
          (m) => `${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.ruleId ?? ''} ${m.reason.replaceAll(dir, '<fixture>')}`,
        );
        expectReference(`${base}.messages.txt`, messages.length > 0 ? `${messages.join('\n')}\n` : undefined);
        expectReference(`${base}.data.json`, dataOf(file, dir));
      });
    }
  }
});
