import {existsSync, readdirSync} from 'node:fs';
import {mkdtemp, readdir, readFile, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, {type Browser} from 'puppeteer-core';
import {EnvironmentError} from '../../report/messages.js';

/** How to get a browser when none is found: one line, printed as the error. */
const INSTALL_HINT =
  '找不到 Chromium 或 Chrome 浏览器。Debian/Ubuntu：以 root 运行 `apt-get install -y chromium`（或 `npm run setup`）；' +
  '其他系统请安装 Chrome，或设置 PUPPETEER_EXECUTABLE_PATH=浏览器的路径';

const KNOWN_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/**
 * Find a Chromium-family browser already on the machine, never downloading one: the
 * environment variables first, then the usual install paths, then puppeteer's cache.
 * (`exists` answers whether a file is there: the tests pretend a machine with it.)
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, exists: (file: string) => boolean = existsSync): string | undefined {
  for (const variable of ['PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH']) {
    const value = env[variable];
    if (value) {
      if (exists(value)) return value;
      throw new EnvironmentError(`${variable}=${value} 指向的文件不存在：请改正它，或删去这个环境变量`);
    }
  }
  return KNOWN_PATHS.find((candidate) => exists(candidate)) ?? fromPuppeteerCache(env, exists);
}

function fromPuppeteerCache(env: NodeJS.ProcessEnv, exists: (file: string) => boolean): string | undefined {
  const cache = env.PUPPETEER_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'puppeteer');
  for (const product of ['chrome', 'chrome-headless-shell']) {
    const dir = path.join(cache, product);
    if (!exists(dir)) continue;
    for (const version of readdirSync(dir).sort().reverse()) {
      for (const binary of ['chrome-linux64/chrome', 'chrome-headless-shell-linux64/chrome-headless-shell']) {
        const candidate = path.join(dir, version, binary);
        if (exists(candidate)) return candidate;
      }
    }
  }
  return undefined;
}

/** A running browser and the way to close it and remove its profile. */
export interface BrowserSession {
  browser: Browser;
  /** Close it and remove its profile; with `kill`, without asking it first (it crashed, or hangs). */
  close(options?: {kill?: boolean}): Promise<void>;
}

/** Profiles are named after the build's process, so that one left by a killed build can be told and removed. */
const PROFILE_PREFIX = 'huibian-chromium-';

/**
 * Start a headless browser with a fresh profile, quiet on the network (no background
 * fetches: these machines have none), and make sure it is closed however the build ends.
 * It talks to huibian over a pipe, so it exits by itself when the build's process dies, even
 * by SIGKILL; the profile such a build leaves is removed by the next one.
 */
export async function launchBrowser(signal?: AbortSignal): Promise<BrowserSession> {
  const executablePath = findBrowser();
  if (!executablePath) throw new EnvironmentError(INSTALL_HINT);
  await removeOrphanProfiles();
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), `${PROFILE_PREFIX}${process.pid}-`));
  const args = [
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-dev-shm-usage',
    '--font-render-hinting=none',
    // A book is laid out in several pages at once; only one of them is in front, and Chromium
    // would slow the timers of the others (Paged.js runs on them) to one a second.
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
  ];
  // Chromium refuses to start as root with its sandbox on.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  let browser: Browser;
  try {
    browser = await puppeteer.launch({executablePath, headless: true, pipe: true, args, userDataDir, handleSIGINT: false, handleSIGTERM: false});
  } catch (cause) {
    await rm(userDataDir, {recursive: true, force: true});
    throw new EnvironmentError(`无法启动浏览器 ${executablePath}：${(cause as Error).message.split('\n')[0]}`, {cause});
  }
  const group = browser.process()?.pid;
  let closing: Promise<void> | undefined;
  // Closed once; a later caller waits for the first close to finish.
  const close = ({kill = false}: {kill?: boolean} = {}) => {
    closing ??= (async () => {
      signal?.removeEventListener('abort', onAbort);
      // A crashed or frozen browser may never answer a polite close: killed first, it is only tidied up.
      if (kill && group) await killGroup(group);
      // A polite close gets a few seconds (a frozen renderer can keep Chromium from exiting);
      // then the whole process group goes, renderers that outlived their browser included.
      await within(
        browser.close().catch(() => undefined),
        CLOSE_GRACE_MS,
      );
      if (group) await killGroup(group);
      await removeProfile(userDataDir);
    })();
    return closing;
  };
  const onAbort = () => void close();
  signal?.addEventListener('abort', onAbort, {once: true});
  return {browser, close};
}

/**
 * Remove a closed browser's profile. A helper process outside the group (the crash handler)
 * may still write into it for a moment: one more try after a pause, then it is left for the
 * next build to remove (it is named after this process, which will then be gone).
 */
async function removeProfile(dir: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return await rm(dir, {recursive: true, force: true});
    } catch {
      await sleep(300);
    }
  }
}

/** How long Chromium may take to close by itself before its processes are killed. */
const CLOSE_GRACE_MS = 5_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `promise`, or nothing after `ms`; the timer does not outlive it (it would hold the process open). */
async function within(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/**
 * SIGKILL every process of the browser's group (puppeteer starts Chromium as a group leader,
 * and its zygotes and renderers stay in the group) and wait a little until they are gone.
 * Not on Windows, which has no process groups: there puppeteer's own kill has to do.
 */
async function killGroup(leader: number): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    process.kill(-leader, 'SIGKILL');
  } catch {
    // ESRCH: no process of the group is left.
    return;
  }
  for (let waited = 0; waited < 2_000 && (await groupRuns(leader)); waited += 50) await sleep(50);
}

/**
 * Whether a process of the group still runs. A killed renderer stays a zombie until its new
 * parent (init) reaps it, which some machines' init does late: on Linux zombies do not count
 * (they hold no files; the wait for them cost 1.7 s a build), elsewhere any process does.
 */
async function groupRuns(leader: number): Promise<boolean> {
  if (process.platform !== 'linux') {
    try {
      process.kill(-leader, 0);
      return true;
    } catch {
      return false;
    }
  }
  for (const name of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    // pid (comm) state ppid pgrp …: comm may hold spaces and parentheses, so read after the last ')'.
    const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(group) === leader && state !== 'Z') return true;
  }
  return false;
}

/** Remove the browser profiles of builds whose process no longer runs. */
async function removeOrphanProfiles(): Promise<void> {
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      // EPERM: the process exists but belongs to someone else.
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  };
  const names = await readdir(os.tmpdir()).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(new RegExp(`^${PROFILE_PREFIX}(\\d+)-`).exec(name)?.[1]);
    // Housekeeping never fails a build: a browser of a process just killed may still be writing there.
    if (pid && !alive(pid)) await rm(path.join(os.tmpdir(), name), {recursive: true, force: true}).catch(() => undefined);
  }
}
