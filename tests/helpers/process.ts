import path from 'node:path';
import type {Root} from 'hast';
import {toHtml} from 'hast-util-to-html';
import {VFile} from 'vfile';
import {processManuscript} from '../../src/markdown/processor.js';

/** Run the manuscript pipeline on `text` as if it were `dir/name`; returns tree, HTML and file. */
export async function processText(
  text: string,
  {dir = '/tmp', name = 'a.md', prefix = 'm1', lint = false, maskPersonal = false, publicNumbers = [] as string[]} = {},
): Promise<{tree: Root; html: string; file: VFile}> {
  const file = new VFile({path: path.join(dir, name), value: text, cwd: dir});
  file.data.idPrefix = prefix;
  file.data.maskPersonal = maskPersonal;
  file.data.publicNumbers = publicNumbers;
  const tree = await processManuscript(file, {lint});
  return {tree, html: toHtml(tree), file};
}
