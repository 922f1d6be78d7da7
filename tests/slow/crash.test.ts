import {readdirSync, readFileSync} from 'node:fs';
import {existsSync} from 'node:fs';
import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {makeBook, manuscript, smallBook} from '../helpers/book.js';
import {type Build, huibianProcess, startBuild} from '../helpers/cli.js';
import {browserProcesses, until} from '../helpers/waiting.js';
import {qpdfCheck} from '../helpers/pdf-tools.js';

// The browser dies or freezes under a running build, as it does when the machine runs out of
// memory or someone kills it: the build tries once more with a fresh browser and says so, or
// stops with one clear line; no Chromium process of the build is left behind either way.

/** Every process below `pid`, from /proc (threads' children included). */
function descendants(pid: number): number[] {
  const children: number[] = [];
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  for (const task of tasks) {
    try {
      children.push(...readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
    } catch {
      // The thread ended meanwhile.
    }
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

/** The command line of process `pid`, or undefined once it is gone. */
function commandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return undefined;
  }
}

// Chromium rewrites its children's command lines: the arguments end up joined by spaces.
const isRenderer = (pid: number) => /(^|[\s\0])--type=renderer([\s\0]|$)/.test(commandLine(pid) ?? '');

/** The Chromium renderers below process `root` (the build, or one of its browsers). */
const renderers = (root: number): number[] => descendants(root).filter(isRenderer);

/** The build's browser now: the process in its tree carrying the build's profile folder without a `--type` (the helpers have one). */
function browserOf(build: Build): number | undefined {
  return descendants(build.child.pid!).find((pid) => {
    const args = commandLine(pid) ?? '';
    return args.includes(`huibian-chromium-${build.child.pid}-`) && !args.includes('--type=');
  });
}

/** Send `signal` to every renderer below `root` now; how many got it. */
function signalRenderers(root: number, signal: NodeJS.Signals): number {
  let sent = 0;
  for (const pid of renderers(root)) {
    try {
      process.kill(pid, signal);
      sent++;
    } catch {
      // Gone meanwhile.
    }
  }
  return sent;
}

/** How many running processes carry the build's browser profile (named after its pid) in their command line. */
const buildBrowsers = (build: Build) => browserProcesses(`huibian-chromium-${build.child.pid}-`);

/** The layout step has begun `times` times (once per attempt): the browser is up and the work runs. */
const PAGINATING = '… 分页排版';
const attemptsBegun = (build: Build) => build.stderr().split(PAGINATING).length - 1;

/** Wait until attempt `n` lays out, give it a moment, and send its renderers `signal`. */
async function hitAttempt(build: Build, n: number, signal: NodeJS.Signals): Promise<void> {
  if (!(await until(() => attemptsBegun(build) >= n && renderers(build.child.pid!).length > 0, 60_000))) {
    throw new Error(`attempt ${n} never ran:\n${build.stderr()}`);
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  if (signalRenderers(build.child.pid!, signal) === 0) throw new Error(`attempt ${n} had no renderer left to signal:\n${build.stderr()}`);
}

/**
 * Freeze the first attempt's browser for good: every renderer it has, and every one it starts
 * later (a piece laid out in a new page gets a new process), is stopped until the build kills
 * that browser. Stopping only the renderers of the moment let a busy machine's layout go on in
 * a renderer started just after.
 */
async function freezeFirstBrowser(build: Build): Promise<void> {
  const running = () => {
    const browser = attemptsBegun(build) >= 1 ? browserOf(build) : undefined;
    return browser !== undefined && renderers(browser).length > 0 ? browser : undefined;
  };
  if (!(await until(() => running() !== undefined, 60_000))) throw new Error(`the first attempt never ran:\n${build.stderr()}`);
  const root = running()!;
  while (commandLine(root) !== undefined && build.child.exitCode === null) {
    signalRenderers(root, 'SIGSTOP');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A book of one short article: what is tested here is the browser, not the book, and small books build fast. */
function tinyBook(): Record<string, string> {
  return {'book.yaml': 'title: 小书\n', 'manuscripts/a.md': manuscript({title: '一篇短文'}, '村里的路修好了，村民出行方便多了。'.repeat(60))};
}

// Builds that need no timing of their own run side by side, to keep the file short.
describe.concurrent('a build whose browser crashes, or that shares its output', () => {
  it('should retry once with a fresh browser after its renderer is killed, and write a valid PDF', async ({expect}) => {
    const dir = await makeBook(tinyBook());
    const build = startBuild([dir]);
    await hitAttempt(build, 1, 'SIGKILL');
    const code = await build.exited;
    expect(code, build.stderr()).toBe(0);
    expect(build.stderr()).toMatch(/↻ 浏览器的页面进程崩溃了.*：用新的浏览器从头重排一次\n/);
    expect(build.stderr().match(/↻/g)).toHaveLength(1);
    expect(await qpdfCheck(path.join(dir, 'build', 'book.pdf'))).toEqual({ok: true, output: expect.stringContaining('No syntax or stream encoding errors')});
    await expectOnlyOutputs(dir);
    expect(await until(() => buildBrowsers(build) === 0, 5_000)).toBe(true);
  });

  it('should stop with one clear line when the renderer is killed on both attempts, keeping the previous PDF', async ({expect}) => {
    const previous = Buffer.from('%PDF-1.7 the last good build\n');
    const dir = await makeBook({...tinyBook(), 'build/book.pdf': previous});
    const build = startBuild([dir]);
    await hitAttempt(build, 1, 'SIGKILL');
    await hitAttempt(build, 2, 'SIGKILL');
    const code = await build.exited;
    expect(code).toBe(1);
    const stderr = build.stderr();
    expect(stderr).toMatch(
      /\n✖ (浏览器的页面进程崩溃了|浏览器意外退出).*，已停止：排版试了两次（第二次用新的浏览器从头排）都没有完成，未写出 PDF：请关闭占用内存或 CPU 的程序后再试.*上次的 .*book\.pdf 保持原样，未更新\n$/,
    );
    expect(stderr).not.toMatch(/内部错误|Target closed|Protocol error|\n\s+at /);
    expect(await readFile(path.join(dir, 'build', 'book.pdf'))).toEqual(previous);
    await expectOnlyOutputs(dir);
    expect(await until(() => buildBrowsers(build) === 0, 5_000)).toBe(true);
  });

  it('should let two builds of the same book into the same file both finish, leaving one valid PDF', async ({expect}) => {
    const dir = await makeBook(tinyBook());
    const builds = [startBuild([dir]), startBuild([dir])];
    const codes = await Promise.all(builds.map((build) => build.exited));
    expect(codes, builds.map((build) => build.stderr()).join('\n')).toEqual([0, 0]);
    expect(await qpdfCheck(path.join(dir, 'build', 'book.pdf'))).toEqual({ok: true, output: expect.stringContaining('No syntax or stream encoding errors')});
    await expectOnlyOutputs(dir);
  });
});

// Alone: its idle limit must stay above the quiet stretches of a normal layout, which other builds running beside it would lengthen.
describe('a build whose browser freezes', () => {
  it('should give up a frozen renderer after the idle time and succeed on the retry', async ({expect}) => {
    const dir = await makeBook(tinyBook());
    // Well above the longest quiet stretch of a normal layout of this book on a busy machine (7 s seen).
    const build = startBuild([dir], {HUIBIAN_IDLE_TIMEOUT_MS: '12000'});
    await freezeFirstBrowser(build);
    const code = await build.exited;
    expect(code, build.stderr()).toBe(0);
    expect(build.stderr()).toMatch(/↻ 排版 12 秒没有进展：用新的浏览器从头重排一次\n/);
    expect(await qpdfCheck(path.join(dir, 'build', 'book.pdf'))).toEqual({ok: true, output: expect.stringContaining('No syntax or stream encoding errors')});
    // The frozen processes were killed, not left stopped.
    expect(await until(() => buildBrowsers(build) === 0, 5_000)).toBe(true);
  });
});

/**
 * The build folder holds the PDF and perhaps the cache (layouts, compiled manuscripts), nothing
 * half-written (no temporary file) — but for a cache entry a SIGKILL cut off while it was
 * written (`killed`): the next build removes those after an hour, and never reads them.
 */
async function expectOnlyOutputs(dir: string, {killed = false}: {killed?: boolean} = {}): Promise<void> {
  const names = await readdir(path.join(dir, 'build'));
  expect(names.filter((name) => name !== '.cache')).toEqual(['book.pdf']);
  const cached = names.includes('.cache') ? await readdir(path.join(dir, 'build', '.cache')) : [];
  const entry = killed ? /^(layout|manuscript)-[0-9a-f]{40}\.json(\.\d+\.tmp)?$/ : /^(layout|manuscript)-[0-9a-f]{40}\.json$/;
  expect(cached.filter((name) => !entry.test(name))).toEqual([]);
}

// The CLI's own ends: a layout that makes no progress, and a build interrupted or killed.
describe('a build that hangs or is stopped', () => {
  it('should stop a layout that makes no progress instead of hanging', async () => {
    const dir = await makeBook(smallBook());
    // A process of its own: the limit is read from the environment when the program loads.
    const result = await huibianProcess(['build', dir], {env: {HUIBIAN_IDLE_TIMEOUT_MS: '1'}});
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/排版 0 秒没有进展，已停止/);
    expect(existsSync(path.join(dir, 'build', 'book.pdf'))).toBe(false);
  });

  for (const signal of ['SIGINT', 'SIGKILL'] as const) {
    it(`should keep the previous PDF byte for byte and leave no browser behind when the build gets ${signal}`, async () => {
      const dir = await makeBook(smallBook({'build/book.pdf': 'the last good build'}));
      const build = startBuild([dir]);
      // Interrupt it while the browser runs: its profile folder carries the build's pid.
      const marker = `huibian-chromium-${build.child.pid}-`;
      expect(await until(() => browserProcesses(marker) > 0, 60_000)).toBe(true);
      build.child.kill(signal);
      const code = await build.exited;
      expect(await until(() => browserProcesses(marker) === 0, 10_000)).toBe(true);
      expect(await readFile(path.join(dir, 'build', 'book.pdf'), 'utf8')).toBe('the last good build');
      // Manuscripts compiled before the interruption may be kept.
      await expectOnlyOutputs(dir, {killed: signal === 'SIGKILL'});
      if (signal === 'SIGINT') {
        expect(code, build.stderr()).toBe(130);
        expect(build.stderr()).toContain('已取消');
        expect(build.stderr()).toMatch(/上次的 .*book\.pdf 保持原样，未更新/);
      }
    });
  }
});
