import {existsSync, readdirSync} from 'node:fs';
import {mkdtemp, readdir, rm} from 'node:fs/promises';
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
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const variable of ['PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH']) {
    const value = env[variable];
    if (value) {
      if (existsSync(value)) return value;
      throw new EnvironmentError(`${variable}=${value} 指向的文件不存在：请改正它，或删去这个环境变量`);
    }
  }
  return KNOWN_PATHS.find((candidate) => existsSync(candidate)) ?? fromPuppeteerCache(env);
}

function fromPuppeteerCache(env: NodeJS.ProcessEnv): string | undefined {
  const cache = env.PUPPETEER_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'puppeteer');
  for (const product of ['chrome', 'chrome-headless-shell']) {
    const dir = path.join(cache, product);
    if (!existsSync(dir)) continue;
    for (const version of readdirSync(dir).sort().reverse()) {
      for (const binary of ['chrome-linux64/chrome', 'chrome-headless-shell-linux64/chrome-headless-shell']) {
        const candidate = path.join(dir, version, binary);
        if (existsSync(candidate)) return candidate;
      }
    }
  }
  return undefined;
}

/** A running browser and the way to close it and remove its profile. */
export interface BrowserSession {
  browser: Browser;
  close(): Promise<void>;
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
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    signal?.removeEventListener('abort', onAbort);
    await browser.close().catch(() => browser.process()?.kill('SIGKILL'));
    await rm(userDataDir, {recursive: true, force: true});
  };
  const onAbort = () => void close();
  signal?.addEventListener('abort', onAbort, {once: true});
  return {browser, close};
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
    if (pid && !alive(pid)) await rm(path.join(os.tmpdir(), name), {recursive: true, force: true});
  }
}
