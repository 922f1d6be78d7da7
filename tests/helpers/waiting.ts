import {spawnSync} from 'node:child_process';

/** Poll `condition` until it holds or `limit` ms have passed; says whether it held. */
export async function until(condition: () => boolean | Promise<boolean>, limit: number): Promise<boolean> {
  const end = Date.now() + limit;
  while (!(await condition()) && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 50));
  return condition();
}

/** How many running processes carry `marker` in their command line (Chromium's profile folder). */
export function browserProcesses(marker: string): number {
  const list = spawnSync('ps', ['-eo', 'args'], {encoding: 'utf8'}).stdout;
  return list.split('\n').filter((line) => line.includes(marker) && !line.startsWith('ps ')).length;
}
