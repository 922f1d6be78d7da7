import type {Root, Yaml} from 'mdast';
import type {VFile} from 'vfile';
import {parsePlacedYaml} from '../../config/yaml-place.js';
import {matterKeys, matterSchema, type Matter} from '../../manuscript/matter.js';
import {error} from '../../report/messages.js';

declare module 'vfile' {
  interface DataMap {
    /** Validated front matter, set by {@link remarkManuscriptMatter}. */
    matter: Matter;
    /** 1-based line of each front matter key, for later messages (e.g. an unknown `part`). */
    matterLines: Record<string, {line: number; column: number}>;
  }
}

/** Front matter a yearly report's article should carry; `huibian check` asks for them. */
const RECOMMENDED = ['date', 'author', 'source'] as const;

/**
 * Validate a manuscript's YAML front matter into `file.data.matter`. A missing block, a YAML
 * syntax error or a bad value is a fatal message at its line; an unknown key is a warning;
 * with `lint`, so is a missing date, byline or source.
 */
export default function remarkManuscriptMatter(options?: {lint?: boolean}) {
  const lint = options?.lint ?? false;
  return (tree: Root, file: VFile): void => {
    const node = tree.children.find((child): child is Yaml => child.type === 'yaml');
    if (!node) {
      error(file, '缺少文首的 YAML 信息块：第一行应为 `---`，其后至少写 `title: 标题`，再以 `---` 结束', {line: 1, column: 1}, 'front-matter');
      return;
    }
    // The YAML text starts on the line after the opening `---`.
    const startLine = node.position?.start.line ?? 1;
    const placed = parsePlacedYaml(node.value, startLine);
    for (const problem of placed.doc.errors) {
      error(file, `文首 YAML 语法错误：${problem.message.split('\n')[0]}`, placed.at(problem.pos[0]), 'front-matter');
    }
    if (placed.doc.errors.length > 0) return;

    const data: unknown = placed.doc.toJS() ?? {};
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      error(file, '文首信息应是“键: 值”的形式，如 `title: 标题`', {line: startLine + 1, column: 1}, 'front-matter');
      return;
    }
    const lines: Record<string, {line: number; column: number}> = {};
    for (const key of Object.keys(data)) {
      lines[key] = placed.placeOf([key], {key: true});
      if (!matterKeys.has(key)) {
        file.message(`未知的文首键 \`${key}\`，已忽略：可用的键有 ${[...matterKeys].join('、')}`, {
          place: lines[key],
          ruleId: 'unknown-key',
          source: 'huibian',
        });
      }
    }
    file.data.matterLines = lines;

    const result = matterSchema.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const place = issue.path.length > 0 ? placed.placeOf(issue.path) : {line: startLine, column: 1};
        error(file, issue.message, place, 'front-matter');
      }
      return;
    }
    file.data.matter = result.data;
    if (!lint) return;
    for (const key of RECOMMENDED) {
      if (result.data[key] === undefined) {
        file.message(`文首缺少 \`${key}\`（${{date: '日期', author: '作者', source: '来源'}[key]}）`, {
          place: {line: startLine, column: 1},
          ruleId: 'missing-field',
          source: 'huibian',
        });
      }
    }
  };
}
