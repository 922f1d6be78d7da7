import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, symlink} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {root} from '../helpers/sample.js';

const run = promisify(execFile);

// Install once, use anywhere (issue 12): the packed tarball holds the compiled program and its
// templates, and finds them relative to itself, whatever the working folder. (Installing its
// dependencies from the registry takes a minute: they are lent from this checkout instead.)
describe('the npm package', () => {
  it('should pack the program and templates, and build a new book from another folder', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'huibian-package-'));
    const {stdout} = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {cwd: root, maxBuffer: 8 << 20});
    const [packed] = JSON.parse(stdout) as Array<{filename: string; files: Array<{path: string}>}>;
    const files = packed!.files.map((f) => f.path);
    for (const needed of ['dist/cli/main.js', 'templates/print.css', 'templates/pages-vertical.css', 'package.json']) expect(files).toContain(needed);
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('tests/') || f.startsWith('manuscripts/'))).toBe(false);

    await run('tar', ['-xzf', path.join(dir, packed!.filename), '-C', dir]);
    await symlink(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
    const bin = path.join(dir, 'package', 'dist', 'cli', 'main.js');
    const elsewhere = await mkdtemp(path.join(os.tmpdir(), 'huibian-elsewhere-'));
    await run('node', [bin, 'new', '年鉴'], {cwd: elsewhere});
    await run('node', [bin, 'build', '年鉴', '--format', 'html'], {cwd: elsewhere});
    expect(existsSync(path.join(elsewhere, '年鉴', 'build', 'html', 'index.html'))).toBe(true);
  });
});
