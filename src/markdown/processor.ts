import type {Root as HastRoot} from 'hast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import {unified} from 'unified';
import type {VFile} from 'vfile';
import rehypeCjkGlue from './plugins/rehype-cjk-glue.js';
import rehypeExtractFootnotes from './plugins/rehype-extract-footnotes.js';
import rehypeFigure from './plugins/rehype-figure.js';
import rehypeHeadingPhrases from './plugins/rehype-heading-phrases.js';
import rehypeLatinBreaks from './plugins/rehype-latin-breaks.js';
import rehypeLocalImages from './plugins/rehype-local-images.js';
import rehypeRomanNumerals from './plugins/rehype-roman-numerals.js';
import rehypeScopeIds from './plugins/rehype-scope-ids.js';
import remarkCjkNormalize from './plugins/remark-cjk-normalize.js';
import remarkGfmLiterals from './gfm-literals.js';
import remarkHuibianDirectives from './plugins/remark-huibian-directives.js';
import remarkLintBrackets from './plugins/remark-lint-brackets.js';
import remarkLintParagraphStart from './plugins/remark-lint-paragraph-start.js';
import remarkManuscriptMatter from './plugins/remark-manuscript-matter.js';
import remarkPersonalData from './plugins/remark-personal-data.js';
import rehypeSanitizeRaw from './plugins/rehype-sanitize-raw.js';

/**
 * The manuscript pipeline, top to bottom: Markdown with front matter → checked HAST of one
 * article. Renderers never see Markdown; they get this tree inside the book model. With
 * `lint`, the copy is not normalized but every change it needs is reported (`huibian check`).
 */
function createProcessor({lint = false}: {lint?: boolean} = {}) {
  return (
    unified()
      .use(remarkParse)
      .use(remarkFrontmatter, ['yaml'])
      // A single ~ is a range (15~20℃) or a path (~/.ssh), never strikethrough (rule 20).
      .use(remarkGfm, {singleTilde: false})
      .use(remarkGfmLiterals)
      .use(remarkDirective)
      .use(remarkHuibianDirectives)
      .use(remarkManuscriptMatter, {lint})
      // Before normalizing, so that a number is found, and reported, as the author typed it.
      .use(remarkPersonalData, {lint})
      .use(remarkCjkNormalize, {mode: lint ? 'report' : 'fix'})
      .use(remarkLintBrackets, {enabled: lint})
      .use(remarkLintParagraphStart, {enabled: lint})
      // GFM's note section, its heading and back links never print: rehypeExtractFootnotes takes
      // the notes out, and each writer sets them with labels.ts's words.
      .use(remarkRehype, {allowDangerousHtml: true})
      // Manuscripts are untrusted: their HTML is parsed and cut down to what typesetting needs.
      .use(rehypeSanitizeRaw)
      .use(rehypeFigure)
      .use(rehypeRomanNumerals)
      .use(rehypeCjkGlue)
      .use(rehypeLatinBreaks)
      .use(rehypeHeadingPhrases)
      .use(rehypeLocalImages)
      .use(rehypeScopeIds)
      .use(rehypeExtractFootnotes)
  );
}

const processors = {build: createProcessor().freeze(), lint: createProcessor({lint: true}).freeze()};

/** Parse and transform one manuscript (for a build, or to lint it); messages land on `file`. */
export async function processManuscript(file: VFile, {lint = false}: {lint?: boolean} = {}): Promise<HastRoot> {
  const processor = lint ? processors.lint : processors.build;
  return (await processor.run(processor.parse(file), file)) as HastRoot;
}
