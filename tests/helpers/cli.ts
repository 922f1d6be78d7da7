import {execFile} from 'node:child_process';
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
