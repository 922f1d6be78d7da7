import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {promisify} from 'node:util';

const run = promisify(execFile);

/** Run EPUBCheck with --failonwarnings; its report and whether it passed. */
export async function epubcheck(file: string): Promise<{ok: boolean; report: string}> {
  const jar = '/usr/share/java/epubcheck.jar';
  const [command, args] = existsSync(jar) ? ['java', ['-jar', jar]] : ['epubcheck', []];
  try {
    const {stdout, stderr} = await run(command, [...args, '--failonwarnings', file], {maxBuffer: 16 << 20});
    return {ok: true, report: stdout + stderr};
  } catch (error) {
    const e = error as {stdout?: string; stderr?: string};
    return {ok: false, report: `${e.stdout ?? ''}${e.stderr ?? ''}`};
  }
}
