#!/usr/bin/env node
// Before/after proof for changes that must not change output (issue 10): build the sample in
// every format and turn it into files that can be compared — every PDF page as a PNG, the EPUB's
// and the HTML site's files as they are (dates and build ids left out) — then compare two such
// folders.
//
//   node scripts/page-images.mjs shoot DIR        build and render into DIR (uses dist/: compile first)
//   node scripts/page-images.mjs compare A B      differing pixels per page, differing files; exit 1 if any
import {execFileSync} from 'node:child_process';
import {mkdirSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {PNG} from 'pngjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const [verb, first, second] = process.argv.slice(2);

const BUILDS = [
  ['horizontal.pdf', ['--format', 'pdf']],
  ['vertical.pdf', ['--format', 'pdf', '--writing-mode', 'vertical']],
  ['booklet.pdf', ['--format', 'booklet']],
  ['book.epub', ['--format', 'epub']],
  ['html', ['--format', 'html']],
  // Traditional Chinese: labels, drawings and bookmarks converted.
  ['traditional.pdf', ['--format', 'pdf', '--to', 'zh-Hant']],
  ['traditional-vertical.pdf', ['--format', 'pdf', '--writing-mode', 'vertical', '--to', 'zh-TW']],
  ['traditional.epub', ['--format', 'epub', '--to', 'zh-Hant']],
];

if (verb === 'shoot' && first) shoot(path.resolve(first));
else if (verb === 'compare' && first && second) process.exitCode = compare(path.resolve(first), path.resolve(second)) ? 0 : 1;
else {
  process.stderr.write('usage: node scripts/page-images.mjs shoot DIR | compare A B\n');
  process.exitCode = 2;
}

function shoot(dir) {
  rmSync(dir, {recursive: true, force: true});
  mkdirSync(dir, {recursive: true});
  for (const [name, flags] of BUILDS) {
    const out = path.join(dir, 'out', name);
    execFileSync('node', [path.join(root, 'dist', 'cli', 'main.js'), 'build', root, ...flags, '--out', out], {stdio: 'inherit'});
    if (name.endsWith('.pdf')) {
      const pages = path.join(dir, name.replace('.pdf', ''));
      mkdirSync(pages);
      execFileSync('pdftoppm', ['-r', '60', '-png', out, path.join(pages, 'page')]);
    } else if (name.endsWith('.epub')) {
      const files = path.join(dir, name.replace('.epub', '-epub'));
      mkdirSync(files);
      execFileSync('unzip', ['-q', out, '-d', files]);
    }
  }
  for (const [name] of BUILDS.filter(([n]) => n !== 'html')) rmSync(path.join(dir, 'out', name));
}

/** Every file under `dir`, as paths relative to it. */
function files(dir, under = '') {
  return readdirSync(path.join(dir, under)).flatMap((name) => {
    const relative = path.join(under, name);
    return statSync(path.join(dir, relative)).isDirectory() ? files(dir, relative) : [relative];
  });
}

/** Text with what differs between two builds of the same input left out: dates, times, ids. */
function stable(text) {
  return text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?/g, 'DATE').replace(/urn:uuid:[0-9a-f-]+/g, 'UUID');
}

function compare(a, b) {
  const left = files(a).sort();
  const right = new Set(files(b));
  let same = true;
  for (const name of left) {
    if (!right.has(name)) {
      process.stdout.write(`only in ${a}: ${name}\n`);
      same = false;
      continue;
    }
    right.delete(name);
    const [x, y] = [readFileSync(path.join(a, name)), readFileSync(path.join(b, name))];
    if (name.endsWith('.png')) {
      const [p, q] = [PNG.sync.read(x), PNG.sync.read(y)];
      const differing = p.width !== q.width || p.height !== q.height ? p.width * p.height : countDiffering(p.data, q.data);
      if (differing > 0) {
        process.stdout.write(`${name}: ${differing} pixels differ\n`);
        same = false;
      }
    } else if (stable(x.toString('latin1')) !== stable(y.toString('latin1'))) {
      process.stdout.write(`${name}: differs\n`);
      same = false;
    }
  }
  for (const name of right) {
    process.stdout.write(`only in ${b}: ${name}\n`);
    same = false;
  }
  const pages = left.filter((n) => n.endsWith('.png')).length;
  process.stdout.write(same ? `identical: ${pages} page images and ${left.length - pages} files\n` : 'different\n');
  return same;
}

function countDiffering(p, q) {
  let count = 0;
  for (let i = 0; i < p.length; i += 4) if (p[i] !== q[i] || p[i + 1] !== q[i + 1] || p[i + 2] !== q[i + 2]) count++;
  return count;
}
