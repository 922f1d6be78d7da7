import {access} from 'node:fs/promises';
import path from 'node:path';
import {glob} from 'tinyglobby';
import type {LoadedConfig} from '../config/load.js';
import {error} from '../report/messages.js';

/** Manuscript paths (absolute) and whether their order was given by the user. */
export interface ManuscriptList {
  paths: string[];
  ordered: boolean;
}

/**
 * Find the manuscripts `book.yaml` names: a glob (sorted by file name) or an explicit list
 * (kept in the user's order). A listed file that does not exist is an error at its line.
 */
export async function collectManuscripts({config, file, placed, bookDir}: LoadedConfig): Promise<ManuscriptList> {
  const spec = config.manuscripts;
  if (typeof spec === 'string') {
    const found = await glob(spec, {cwd: bookDir, absolute: true, onlyFiles: true});
    const paths = found.filter((p) => p.endsWith('.md')).sort(byFileName);
    if (paths.length === 0) {
      const place = placed.placeOf(['manuscripts']);
      error(file, `没有找到任何稿件（${spec}）：请把 .md 文件放进 manuscripts/，或改正 manuscripts 的写法`, place, 'manuscripts');
    }
    return {paths, ordered: false};
  }
  const paths: string[] = [];
  for (const [index, entry] of spec.entries()) {
    const absolute = path.resolve(bookDir, entry);
    if (paths.includes(absolute)) {
      error(file, `稿件 \`${entry}\` 列了两次`, placed.placeOf(['manuscripts', index]), 'manuscripts');
      continue;
    }
    try {
      await access(absolute);
      paths.push(absolute);
    } catch {
      error(file, `找不到稿件 \`${entry}\`：请检查文件名`, placed.placeOf(['manuscripts', index]), 'manuscripts');
    }
  }
  return {paths, ordered: true};
}

/** `localeCompare(…, 'zh-Hans-CN', {numeric: true})`, made once: the string method builds a collator per call. */
const collator = new Intl.Collator('zh-Hans-CN', {numeric: true});

/** File-name order that people expect: 2 before 10, then code point order. */
export function byFileName(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
