import path from 'node:path';
import type {VFile} from 'vfile';
import {readTextFile} from '../files/read-text.js';
import {error, InputError} from '../report/messages.js';
import {bookConfigSchema, type BookConfig} from './schema.js';
import {parsePlacedYaml, type PlacedYaml} from './yaml-place.js';

/** A book folder's configuration, with the VFile of `book.yaml` and its places kept for later messages. */
export interface LoadedConfig {
  config: BookConfig;
  file: VFile;
  /** Where each value of `book.yaml` stands, for messages about it (parts, manuscripts). */
  placed: PlacedYaml;
  bookDir: string;
}

/**
 * Read and validate `BOOK_DIR/book.yaml`. Every problem (YAML syntax, unknown key, wrong type)
 * is reported at its line and column; all of them at once, then an {@link InputError}.
 */
export async function loadConfig(bookDir: string): Promise<LoadedConfig> {
  const file = await readTextFile(path.join(bookDir, 'book.yaml'));
  if (file.messages.length > 0) {
    file.messages[0]!.reason += `：${path.resolve(bookDir)} 不是一本书的文件夹（需要 book.yaml 和 manuscripts/）`;
    throw new InputError([file]);
  }
  const placed = parsePlacedYaml(String(file.value));
  const config = parseConfig(file, placed);
  if (!config) throw new InputError([file]);
  return {config, file, placed, bookDir: path.resolve(bookDir)};
}

/** Validate the YAML text of `file`; returns undefined after recording messages on failure. */
export function parseConfig(file: VFile, placed = parsePlacedYaml(String(file.value))): BookConfig | undefined {
  for (const problem of placed.doc.errors) {
    error(file, `YAML 语法错误：${firstLine(problem.message)}`, placed.at(problem.pos[0]), 'yaml');
  }
  if (placed.doc.errors.length > 0) return undefined;

  const data = placed.doc.toJS() ?? {};
  const result = bookConfigSchema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const place = placed.placeOf([...issue.path, key], {key: true});
        error(file, `未知的键 \`${key}\`：请检查拼写（键名区分大小写，如 writingMode）`, place, 'unknown-key');
      }
      continue;
    }
    const place = placed.placeOf(issue.path);
    const where = issue.path.length > 0 ? `\`${issue.path.join('.')}\`：` : '';
    error(file, `${where}${issue.message}`, place, 'config');
  }
  return undefined;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
