/**
 * The code that runs inside the browser page (src/render/pdf/page/), installed once in each
 * page the program opens and called by name ({@link inPage}).
 *
 * The page's modules are the ones tsc compiled (dist/; running from src/ under vitest, dist/
 * too, which `npm run compile` and the tests' global setup build), linked here into one
 * script: each module's body in a function of its own, its imports taken from the modules
 * before it. Chromium runs that script in every document the page loads
 * (`evaluateOnNewDocument`): importing the 32 modules as ES modules took 45–340 ms per
 * document on the loaded two-core machine (a browser task per module, the same from blob
 * URLs), the script well under a millisecond. The page fetches nothing for it.
 */
import {readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Page} from 'puppeteer-core';
import type {PageCode} from './page/main.js';

/** The entry module, which installs `window.huibian`, from the compiled program's root. */
const ENTRY = 'render/pdf/page/main.js';

let linked: string | undefined;

/** The page code as one script (see the module comment), linked once. */
export function pageScript(): string {
  linked ??= link(readModules(compiledRoot()));
  return linked;
}

/** Have Chromium run the page code in every document `page` loads from now on (before the document's own scripts). */
export async function installPageCode(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(pageScript());
}

/** What the page code's function `K` returns, once it has settled. */
type Result<K extends keyof PageCode> = Awaited<ReturnType<PageCode[K]>>;

/** Call the page code's function `name` in the page with `args` (sent as JSON), and return its result. */
export function inPage<K extends keyof PageCode>(page: Page, name: K, ...args: Parameters<PageCode[K]>): Promise<Result<K>> {
  // Runs in the page: `page.evaluate` sends this function's source, which names only the page's own globals.
  const call = (name: keyof PageCode, args: unknown[]) => (window.huibian[name] as (...args: unknown[]) => unknown)(...args);
  return page.evaluate(call, name, args) as Promise<Result<K>>;
}

/** One compiled module: its code, and the modules it imports (paths from the compiled program's root) with the names it takes from each. */
interface Module {
  name: string;
  code: string;
  imports: Array<{from: string; names: string}>;
}

/** An import statement as tsc writes it: named imports (`{a, b as c}`) or none, from a relative path. */
const IMPORT = /^import\s+(?:\{([^}]*)\}\s*from\s*)?(['"])([^'"]+)\2;?[ \t]*$/gm;
/** An exported declaration as tsc writes it: the keyword goes, the name is returned from the module's function. */
const EXPORT = /^export\s+(?:(?:async\s+)?function\*?|class|const)\s+([\w$]+)/gm;

/**
 * Where the compiled program is: this file's folder, two levels up, when it runs compiled
 * (dist/, or the bench's build); dist/ when it runs as TypeScript from src/ (`sources`, which
 * the modules read are checked not to be newer than).
 */
function compiledRoot(): {root: string; sources?: string} {
  const here = fileURLToPath(import.meta.url);
  const root = path.resolve(path.dirname(here), '..', '..');
  return here.endsWith('.ts') ? {root: path.join(path.dirname(root), 'dist'), sources: root} : {root};
}

/** The entry module and every module it imports, each after the modules it imports. */
function readModules({root, sources}: {root: string; sources?: string}): Module[] {
  const ordered: Module[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const file = path.join(root, name);
    if (sources && mtime(path.join(sources, name.replace(/\.js$/, '.ts'))) > mtime(file)) {
      throw new Error(`${file} is older than its source, or missing: run npm run compile`);
    }
    const code = readFileSync(file, 'utf8');
    const imports = [...code.matchAll(IMPORT)].map(([, names = '', , specifier]) => {
      // The browser has no packages: page code imports only its own modules.
      if (!specifier!.startsWith('.')) throw new Error(`${file}: page code may import only its own modules, not ${specifier}`);
      return {from: path.posix.join(path.posix.dirname(name), specifier!), names};
    });
    for (const {from} of imports) visit(from);
    ordered.push({name, code, imports});
  };
  visit(ENTRY);
  return ordered;
}

/**
 * The modules as one script: each module's body runs in a function of its own (in strict
 * mode, as a module's does) that returns its exports; its imports are taken from the exports
 * of the modules before it. tsc's output has only the forms {@link IMPORT} and
 * {@link EXPORT} read; any other import or export stops here, as does an import of a name the
 * module does not export.
 */
function link(modules: Module[]): string {
  const exported = new Map<string, Set<string>>();
  const parts = modules.map(({name, code, imports}) => {
    const names = new Set([...code.matchAll(EXPORT)].map(([, exportName]) => exportName!));
    exported.set(name, names);
    const taken = imports.map(({from, names: list}) => bindings(name, from, list, exported.get(from)!));
    const body = code.replace(IMPORT, '').replace(EXPORT, (declaration) => declaration.replace(/^export\s+/, ''));
    if (/^(?:import|export)\b/m.test(body)) throw new Error(`${name}: an import or export the page code's linker does not read`);
    return `// ${name}\nmodules[${JSON.stringify(name)}] = (() => {\n${taken.join('\n')}\n${body}\nreturn {${[...names].join(', ')}};\n})();`;
  });
  return `(() => {\n'use strict';\nconst modules = {};\n${parts.join('\n')}\n})();\n`;
}

/** The statement that binds what module `name` imports from `from` (`a, b as c`), checked against what `from` exports. */
function bindings(name: string, from: string, list: string, exports: Set<string>): string {
  const pairs = list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const [imported, local = imported] = item.split(/\s+as\s+/) as [string, string?];
      if (!exports.has(imported)) throw new Error(`${name}: ${from} exports no ${imported}`);
      return imported === local ? imported : `${imported}: ${local}`;
    });
  return pairs.length > 0 ? `const {${pairs.join(', ')}} = modules[${JSON.stringify(from)}];` : '';
}

/** When a file last changed (0: it does not exist). */
function mtime(file: string): number {
  return statSync(file, {throwIfNoEntry: false})?.mtimeMs ?? 0;
}
