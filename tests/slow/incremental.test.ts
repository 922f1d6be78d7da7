/**
 * Issue 13: the horizontal book is laid out in chunks, cached under build/.cache by content
 * hash. A rebuild after an edit lays out only what changed, and must print what a clean build
 * prints: same pages, same text, same page images. Each kind of input is changed in turn and
 * the rebuild must show it. (That a chunk landing on a verso is mirrored is checked on the
 * Debian guide, in corpus-debian.test.ts.)
 */
import {execFile} from 'node:child_process';
import {appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {buildBook} from '../../src/outputs/build-book.js';
import {allPagesText, pdfInfo} from '../helpers/pdf-tools.js';
import {root} from '../helpers/sample.js';
import {sampleDir, sharedSample} from '../helpers/shared-sample.js';

const run = promisify(execFile);

let dir: string;
const cacheDir = () => path.join(dir, 'build', '.cache');

/** Build the copy of the sample (horizontal PDF) with the cache in `cache`; the PDF's path. */
async function build(out: string, cache = cacheDir()): Promise<string> {
  const file = path.join(dir, 'build', out);
  await buildBook({bookDir: dir, format: 'pdf', out: file, cacheDir: cache});
  return file;
}

/** The names of the cache's entries (a name is a hash of the entry's inputs). */
async function entries(): Promise<Set<string>> {
  return new Set((await readdir(cacheDir())).filter((name) => name.startsWith('layout-') && name.endsWith('.json')));
}

/** Each page rendered small, as PNG bytes. */
async function pageImages(pdf: string): Promise<Buffer[]> {
  const prefix = await mkdtemp(path.join(os.tmpdir(), 'huibian-pages-'));
  await run('pdftoppm', ['-r', '30', '-png', pdf, path.join(prefix, 'p')]);
  const names = (await readdir(prefix)).sort();
  const images = await Promise.all(names.map((name) => readFile(path.join(prefix, name))));
  await rm(prefix, {recursive: true, force: true});
  return images;
}

async function expectSamePrint(made: string, clean: string): Promise<void> {
  expect((await pdfInfo(made)).Pages).toBe((await pdfInfo(clean)).Pages);
  expect(await allPagesText(made)).toEqual(await allPagesText(clean));
  const [a, b] = await Promise.all([pageImages(made), pageImages(clean)]);
  const differing = a.flatMap((image, i) => (image.equals(b[i]!) ? [] : [i + 1]));
  expect(differing).toEqual([]);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'huibian-incremental-'));
  await cp(path.join(root, 'book.yaml'), path.join(dir, 'book.yaml'));
  await cp(path.join(root, 'manuscripts'), path.join(dir, 'manuscripts'), {recursive: true});
  await cp(path.join(root, 'templates'), path.join(dir, 'templates'), {recursive: true});
  // The cache as the run's own build of the sample left it: the first build lays out nothing.
  await sharedSample('pdf');
  await cp(path.join(sampleDir(), 'build', '.cache'), cacheDir(), {recursive: true});
  await build('first.pdf');
});

afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

describe('incremental horizontal builds', () => {
  it('should lay out only the edited article’s chunk again, and print what a clean build prints', async () => {
    const before = await entries();
    await appendFile(
      path.join(dir, 'manuscripts', '15-longzhou-sai.md'),
      '\n\n赛后，几位老艄公坐在河边的石阶上，说起三十年前的赛事，说那时的船比现在重，桨也粗，一场下来手上全是血泡。年轻人听得入神，有人当场约好，明年端午要跟着老人学扎龙头。\n',
    );
    const made = await build('edited.pdf');
    const after = await entries();
    const fresh = [...after].filter((name) => !before.has(name));
    // The edited chunk, and the back and front matter if its page count moved.
    expect(fresh.length).toBeGreaterThanOrEqual(1);
    expect(fresh.length).toBeLessThanOrEqual(3);
    const clean = await build('clean.pdf', path.join(dir, 'clean-cache'));
    await expectSamePrint(made, clean);
  });

  it('should show a changed template, image or book title on the rebuild, never a stale page', async () => {
    const base = await build('base.pdf');
    const baseImages = await pageImages(base);

    // A template: every chunk depends on it.
    await writeFile(path.join(dir, 'templates', 'custom.css'), ':root { --text-color: #b00; }\n');
    const styled = await pageImages(await build('styled.pdf'));
    expect(styled.filter((image, i) => !image.equals(baseImages[i]!)).length).toBeGreaterThan(baseImages.length / 2);
    await rm(path.join(dir, 'templates', 'custom.css'));

    // An image, same name, other content: only the pages around it change.
    const map = path.join(dir, 'manuscripts', 'images', 'town-map.svg');
    await writeFile(map, (await readFile(map, 'utf8')).replace(/<\/svg>\s*$/, '<circle cx="50%" cy="50%" r="30%" fill="#000"/></svg>'));
    const pictured = await pageImages(await build('pictured.pdf'));
    const changed = pictured.flatMap((image, i) => (image.equals(baseImages[i]!) ? [] : [i]));
    expect(changed.length).toBeGreaterThanOrEqual(1);
    expect(changed.length).toBeLessThan(4);

    // The book's title: the running heads of left-hand pages.
    const yaml = path.join(dir, 'book.yaml');
    await writeFile(yaml, (await readFile(yaml, 'utf8')).replace(/^title: .+$/m, 'title: 青溪镇年度文集'));
    const titled = await allPagesText(await build('titled.pdf'));
    expect(titled.filter((text) => text.includes('青溪镇年度文集')).length).toBeGreaterThan(10);
    expect(titled.some((text) => text.includes('青溪镇二〇二五年工作汇编'))).toBe(false);
  });
});
