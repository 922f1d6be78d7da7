import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {VFile} from 'vfile';
import {outsideReferences} from '../files/templates.js';

/**
 * The book's own templates and stylesheets, each reference to a file outside them reported where it stands:
 * huibian takes them out of every output (see {@link outsideReferences}), and says so on
 * every build so that a designer knows why a background or an imported sheet is missing.
 */
export async function templateReferenceWarnings(bookDir: string, styles: string[] = []): Promise<VFile[]> {
  const folder = path.join(bookDir, 'templates');
  const names = await readdir(folder).catch(() => [] as string[]);
  const templates = names
    .filter((n) => n.endsWith('.css'))
    .sort()
    .map((n) => path.join(folder, n));
  const files: VFile[] = [];
  for (const filePath of [...new Set([...templates, ...styles])]) {
    const css = await readFile(filePath, 'utf8');
    const file = new VFile({path: filePath, value: css});
    for (const ref of outsideReferences(css)) {
      const what = ref.text.replace(/\s+/g, ' ').slice(0, 80);
      const done = /^@import/i.test(ref.text) ? '已删除' : '已改为 none';
      file.message(`模板中的 \`${what}\` ${done}：样式只能用 data: 网址，不能读取书以外或网上的文件（图片请放进稿件）`, {
        place: {line: ref.line, column: ref.column},
        ruleId: 'template-reference',
        source: 'huibian',
      });
    }
    if (file.messages.length > 0) files.push(file);
  }
  return files;
}
