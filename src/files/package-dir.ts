import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The installed folder of an npm package this tool ships with (fonts, Paged.js). Looked up
 * from this file upwards, as Node does, without going through the package's `exports`.
 */
export function packageDir(name: string): string {
  for (let dir = here; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`package ${name} is not installed: run npm ci`);
  }
}

/** huibian's own folder (where its package.json, templates/ and the sample book are). */
export function huibianRoot(): string {
  for (let dir = here; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as {name?: string}).name === 'huibian') return dir;
    if (path.dirname(dir) === dir) throw new Error('cannot find the huibian package folder');
  }
}
