#!/usr/bin/env node
// One-time setup after `npm ci`: compile huibian, then make sure the programs it needs are on
// the machine — a Chromium-family browser to print with, Ghostscript for PDF/X, and qpdf +
// poppler-utils + epubcheck, which the tests use to check PDFs and EPUBs, LibreOffice Writer,
// which opens the Word documents in the tests as an office without Word would, and mupdf-tools + the
// Chinese text packages of the real-text corpus (`npm run corpus`, tests/helpers/corpus.ts). On
// Debian/Ubuntu as root it installs what is missing with apt-get (saying so first); elsewhere it
// prints what to install. Nothing is downloaded by npm itself.
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';

const say = (line) => process.stdout.write(`[setup] ${line}\n`);
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], {stdio: 'ignore'}).status === 0;

say('编译 huibian（tsc）');
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], {stdio: 'inherit'});

const {findBrowser} = await import('../dist/render/pdf/browser.js');
const missing = [];
let browser;
try {
  browser = findBrowser();
} catch (error) {
  say(error.message);
  process.exit(1);
}
if (browser) say(`浏览器：${browser}`);
else missing.push('chromium');
if (!has('qpdf')) missing.push('qpdf');
if (!has('pdftotext') || !has('pdffonts')) missing.push('poppler-utils');
if (!existsSync('/usr/share/java/epubcheck.jar') && !has('epubcheck')) missing.push('epubcheck');
if (!has('gs')) missing.push('ghostscript');
// Writer without its desktop parts: the tests print the .docx to PDF with it (soffice --headless).
if (!has('soffice')) missing.push('libreoffice-writer-nogui');
// The sRGB profile PDF/A's output intent embeds (Ghostscript brings it; said here in case it did not).
if (!existsSync('/usr/share/color/icc/ghostscript/srgb.icc')) missing.push('libgs-common');
// The corpus: mutool reads character positions; the packages hold the text (HTML manuals, poems).
if (!has('mutool')) missing.push('mupdf-tools');
if (!existsSync('/usr/share/doc/debian/FAQ/zh-cn/index.zh-cn.html')) missing.push('debian-faq-zh-cn');
if (!existsSync('/usr/share/doc/maint-guide-zh-cn/html/index.zh-cn.html')) missing.push('maint-guide-zh-cn');
if (!existsSync('/usr/share/doc/maint-guide-zh-tw/html/index.zh-tw.html')) missing.push('maint-guide-zh-tw');
if (!existsSync('/usr/share/games/fortunes/tang300.u8')) missing.push('fortunes-zh');

if (missing.length === 0) {
  say('所需程序都已就绪');
  process.exit(0);
}

const debian = existsSync('/etc/debian_version') && has('apt-get');
const root = process.getuid?.() === 0;
if (debian && root) {
  say(`安装缺少的程序：apt-get install -y ${missing.join(' ')}`);
  const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'};
  const update = spawnSync('apt-get', ['update', '-qq'], {stdio: 'inherit', env});
  const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', ...missing], {stdio: 'inherit', env});
  if (install === false || install.status !== 0) {
    say('apt-get 没有成功：请检查网络或软件源后重试');
    process.exit(1);
  }
  say('安装完成');
} else {
  const how = debian ? `sudo apt-get install -y ${missing.join(' ')}` : `请安装：${missing.join('、')}（或 Chrome，并设置 PUPPETEER_EXECUTABLE_PATH）`;
  say(`缺少 ${missing.join('、')}：${how}`);
  // A browser is needed to build; Ghostscript for --pdfx; the PDF and EPUB checkers to run the
  // tests; mutool and the text packages for the corpus.
  if (missing.includes('chromium')) process.exit(1);
}
