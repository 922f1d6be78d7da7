import type {Root as HastRoot} from 'hast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import {unified} from 'unified';
import type {VFile} from 'vfile';
import rehypeExtractFootnotes from './plugins/rehype-extract-footnotes.js';
import rehypeFigure from './plugins/rehype-figure.js';
import rehypeLocalImages from './plugins/rehype-local-images.js';
import rehypeRomanNumerals from './plugins/rehype-roman-numerals.js';
import rehypeScopeIds from './plugins/rehype-scope-ids.js';
import remarkManuscriptMatter from './plugins/remark-manuscript-matter.js';
import remarkWarnRawHtml from './plugins/remark-warn-raw-html.js';

/**
 * The manuscript pipeline, top to bottom: Markdown with front matter → checked HAST of one
 * article. Renderers never see Markdown; they get this tree inside the book model.
 */
export function createProcessor() {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkManuscriptMatter)
    .use(remarkWarnRawHtml)
    .use(remarkRehype, {footnoteLabel: '注释', footnoteBackLabel: '返回正文'})
    .use(rehypeFigure)
    .use(rehypeRomanNumerals)
    .use(rehypeLocalImages)
    .use(rehypeScopeIds)
    .use(rehypeExtractFootnotes);
}

const shared = createProcessor().freeze();

/** Parse and transform one manuscript; messages land on `file`. */
export async function processManuscript(file: VFile, processor = shared): Promise<HastRoot> {
  return (await processor.run(processor.parse(file), file)) as HastRoot;
}
