import {execFile} from 'node:child_process';
import {copyFile, mkdir, readFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {PNG} from 'pngjs';
import {describe, expect, it} from 'vitest';
import {buildBook} from '../../src/outputs/build-book.js';
import {qpdfJson} from '../helpers/pdf-tools.js';
import {readReference, updating} from '../helpers/references.js';
import {root} from '../helpers/sample.js';
import {runFolder} from '../helpers/shared-sample.js';

const run = promisify(execFile);
const specimen = path.join(root, 'tests', 'fixtures', 'specimen');
const references = path.join(specimen, 'reference');
const output = path.join(root, 'tests', 'output');

/** Share of pixels whose grey level differs by more than a quarter between two same-sized PNGs. */
function difference(a: PNG, b: PNG): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const grey = (d: Buffer) => (d[i]! + d[i + 1]! + d[i + 2]!) / 3;
    if (Math.abs(grey(a.data) - grey(b.data)) > 64) differing++;
  }
  return differing / (a.width * a.height);
}

/**
 * The typography specimen (every rule of docs/typography.md in one article), printed in both
 * modes, must look like the committed reference pages: a Chromium or font change that breaks a
 * rule shows up here (a half-em change of indent moves 6 % of the pixels; the same build moves
 * none). A missing reference fails; `npm run test:update` takes the current pages as the new references.
 */
describe('typography specimen', () => {
  for (const writingMode of ['horizontal', 'vertical'] as const) {
    it(`should look like the reference, ${writingMode}`, async () => {
      const out = path.join(os.tmpdir(), `huibian-specimen-${writingMode}-${process.pid}.pdf`);
      await buildBook({bookDir: specimen, format: 'pdf', out, writingMode, cacheDir: runFolder('specimen-cache')});
      const json = await qpdfJson(out);
      const first = json.pagelabels.find((l) => l.label['/S'] === '/D')!.index + 1;
      await mkdir(output, {recursive: true});
      for (const page of [first, first + 1]) {
        const name = `specimen-${writingMode}-${page - first + 1}`;
        await run('pdftoppm', ['-r', '50', '-png', '-singlefile', '-f', String(page), '-l', String(page), out, path.join(output, name)]);
        const reference = path.join(references, `${name}.png`);
        if (updating) await copyFile(path.join(output, `${name}.png`), reference);
        const share = difference(PNG.sync.read(await readFile(path.join(output, `${name}.png`))), PNG.sync.read(readReference(reference)));
        expect(share, `${name}: ${(share * 100).toFixed(2)} % of pixels differ (see tests/output/${name}.png)`).toBeLessThan(0.001);
      }
    });
  }
});
