import {type ChildProcess, execFile, spawn} from 'node:child_process';
import path from 'node:path';
import {runCli} from '../../src/cli/run-cli.js';
import {huibianRoot} from '../../src/files/package-dir.js';

// From the package's folder: the bench runs this helper compiled elsewhere (build/.bench/).
const bin = path.join(huibianRoot(), 'dist', 'cli', 'main.js');

/** What a run of the command gave: its exit code and what it printed. */
export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Where and with what environment (added to this process's) the command runs. */
interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** The calls made in this process, one after the other: each takes the working folder, environment and output streams while it runs. */
let turns: Promise<unknown> = Promise.resolve();

/**
 * Run `huibian ARGS` in this process, as the command runs it (`runCli`, what `dist/cli/main.js`
 * calls): its exit code and what it wrote on stdout and stderr. Never throws. Loading the
 * program once per test file instead of once per call saves seconds a call; the compiled
 * command itself is run by {@link huibianProcess} and {@link startBuild}.
 */
export function huibian(args: string[], options: RunOptions = {}): Promise<Outcome> {
  const turn = turns.then(() => runHere(args, options));
  turns = turn.catch(() => undefined);
  return turn;
}

async function runHere(args: string[], {cwd, env = {}}: RunOptions): Promise<Outcome> {
  const output = {stdout: '', stderr: ''};
  const writes = {stdout: process.stdout.write, stderr: process.stderr.write};
  for (const name of ['stdout', 'stderr'] as const) {
    process[name].write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      output[name] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      done?.();
      return true;
    }) as typeof process.stdout.write;
  }
  // As the subprocess had it: CI set (plain progress lines), the caller's variables on top.
  const changed = {CI: 'true', ...env};
  const saved = Object.fromEntries(Object.keys(changed).map((name) => [name, process.env[name]]));
  const folder = process.cwd();
  Object.assign(process.env, changed);
  try {
    if (cwd) process.chdir(cwd);
    return {code: await runCli(args), ...output};
  } finally {
    process.chdir(folder);
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
  }
}

/** Run the compiled `huibian` command in a process of its own; never throws, returns exit code and output. */
export function huibianProcess(args: string[], options: RunOptions = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], {cwd: options.cwd, env: {...process.env, CI: 'true', ...options.env}}, (error, stdout, stderr) => {
      resolve({code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr});
    });
  });
}
/** A `huibian build` running in the background, as users start it (its progress in plain lines). */
export interface Build {
  child: ChildProcess;
  /** What it has printed on stderr so far. */
  stderr(): string;
  /** Resolves as soon as stderr holds `text` (a step's line: `… 生成 PDF`); rejects if the build ends first. */
  printed(text: string): Promise<void>;
  /** The exit code, or null when a signal ended it. */
  exited: Promise<number | null>;
}

/** Start `huibian build` with `args` (the book folder first). */
export function startBuild(args: string[], env: NodeJS.ProcessEnv = {}): Build {
  const child = spawn(process.execPath, [bin, 'build', ...args], {env: {...process.env, CI: 'true', ...env}, stdio: ['ignore', 'ignore', 'pipe']});
  let stderr = '';
  const waiting: Array<{text: string; resolve(): void}> = [];
  child.stderr!.on('data', (chunk) => {
    stderr += String(chunk);
    for (const wait of waiting.filter(({text}) => stderr.includes(text))) {
      waiting.splice(waiting.indexOf(wait), 1);
      wait.resolve();
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const printed = (text: string) =>
    stderr.includes(text)
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          waiting.push({text, resolve});
          void exited.then(() => reject(new Error(`the build ended without printing “${text}”:\n${stderr}`)));
        });
  return {child, stderr: () => stderr, printed, exited};
}
