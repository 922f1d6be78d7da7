/**
 * The dependency rules of huibian's source (`npm run lint`). Layers, from the bottom:
 *
 *   report, files          messages and file helpers, used by everything
 *   typography, svg        the rules of Chinese typesetting (and of reading copy: personal
 *                          data), on plain text; SVG drawings made
 *                          what EPUB allows
 *   config, manuscript     book.yaml and the manuscript folder
 *   model                  the book model's types: the contract between compiling and rendering
 *   markdown               the unified pipeline: one manuscript → HAST
 *   book                   compiles manuscripts into the book model
 *   render                 book model → HTML, PDF, EPUB
 *   lint                   checks of the input that need what the layers below know (fonts, images)
 *   import                 other people's files (.txt, web pages, .docx) → manuscripts
 *   impose                 finished PDF → booklet, press PDF (PDF in, PDF out)
 *   core                   what every output starts from: the options, the book read from its
 *                          folder, the finished PDF, the browser's life, checks of output PDFs
 *   proof                  proofs (校样): their lines and data, the changes between rounds, the
 *                          marks laid over the book's pages
 *   outputs                one file per output (PDF, EPUB, HTML, booklet, offprint, cover,
 *                          statistics) and build-book.ts, which hands the book to the one asked
 *   preview                the book served as it will print, rebuilt on every change
 *   cli                    the command line
 *
 * A layer may import only layers below it. Inside render/, the writers (html, pdf, epub) use
 * the shared page layer (render/shared) and never each other; the shared layer knows no writer.
 */
const LAYERS = [
  ['report', 'files'],
  ['typography', 'svg'],
  ['config', 'manuscript'],
  ['model'],
  ['markdown'],
  ['book'],
  ['render'],
  ['lint'],
  ['import'],
  ['impose'],
  ['core'],
  ['proof'],
  ['outputs'],
  ['preview'],
  ['cli'],
];
const path = (name) => `^src/${name}/`;

const forbidden = [
  {
    name: 'no-cycles',
    severity: 'error',
    comment: 'A file may not, through any chain of imports, import itself.',
    from: {},
    to: {circular: true},
  },
  {
    name: 'no-top-level-files',
    severity: 'error',
    comment: 'src/ holds folders named for what they do; the entry point is cli/main.ts.',
    from: {},
    to: {path: '^src/[^/]+[.]ts$'},
  },
  {
    name: 'no-source-to-tests',
    severity: 'error',
    comment: 'The program does not depend on its tests or benchmarks.',
    from: {path: '^src/'},
    to: {path: '^(tests|bench)/'},
  },
];
LAYERS.forEach((layer, level) => {
  const above = LAYERS.slice(level + 1).flat();
  if (above.length === 0) return;
  forbidden.push({
    name: `layer-${layer.join('-')}`,
    severity: 'error',
    comment: `${layer.join(', ')} may import only layers below: not ${above.join(', ')}.`,
    from: {path: layer.map(path).join('|')},
    to: {path: above.map(path).join('|')},
  });
});
for (const writer of ['html', 'pdf', 'epub']) {
  forbidden.push({
    name: `writer-${writer}-alone`,
    severity: 'error',
    comment: `The ${writer} writer uses render/shared, never another writer.`,
    from: {path: `^src/render/${writer}/`},
    to: {path: `^src/render/(${['html', 'pdf', 'epub'].filter((w) => w !== writer).join('|')})/`},
  });
}

forbidden.push({
  name: 'shared-knows-no-writer',
  severity: 'error',
  comment: 'render/shared serves every writer and imports none.',
  from: {path: '^src/render/shared/'},
  to: {path: '^src/render/(html|pdf|epub)/'},
});

// The code that runs inside the browser page (render/pdf/page-code.ts links it into one script).
forbidden.push({
  name: 'page-code-alone',
  severity: 'error',
  comment: 'Code that runs in the browser page imports only itself and the mark sets of typography/marks.ts: nothing of Node, no package.',
  from: {path: '^src/render/pdf/page/'},
  to: {pathNot: '^src/render/pdf/page/|^src/typography/marks[.]ts$'},
});

module.exports = {
  forbidden,
  options: {
    doNotFollow: {path: 'node_modules'},
    tsPreCompilationDeps: true,
    tsConfig: {fileName: 'tsconfig.json'},
    enhancedResolveOptions: {extensions: ['.ts', '.js']},
  },
};
