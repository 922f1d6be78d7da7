import {createHash} from 'node:crypto';
import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {huibianRoot} from './package-dir.js';

let stamp: Promise<string> | undefined;

/**
 * A hash of the code that turns a book's files into results: every module of huibian's own
 * code (the folder this file was loaded from, `dist/` or `src/`) and the exact versions of
 * the installed packages (npm's lockfile). A cache keyed with it is never read by other code.
 */
export function codeStamp(): Promise<string> {
  stamp ??= (async () => {
    const code = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
    const hash = createHash('sha256');
    const names = (await readdir(code, {recursive: true})).filter((name) => /\.[cm]?[jt]s$/.test(name)).sort();
    const contents = await Promise.all(names.map((name) => readFile(path.join(code, name))));
    for (const [i, name] of names.entries()) hash.update(name).update(contents[i]!);
    const root = huibianRoot();
    // npm ci and install write the hidden lockfile; a user's global install has only it.
    for (const lockfile of [path.join(root, 'node_modules', '.package-lock.json'), path.join(root, 'package-lock.json')]) {
      hash.update(await readFile(lockfile).catch(() => ''));
    }
    return hash.digest('hex');
  })();
  return stamp;
}
