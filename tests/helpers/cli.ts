import {type ChildProcess, execFile, spawn} from 'node:child_process';
import path from 'node:path';

const bin = path.resolve(import.meta.dirname, '../../dist/cli/main.js');

/** Run the compiled `huibian` command; never throws, returns exit code and output. */
export function huibian(args: string[], options: {cwd?: string; env?: NodeJS.ProcessEnv} = {}): Promise<{code: number; stdout: string; stderr: string}> {
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
