import {mkdtemp, mkdir, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {outsideReferences, readTemplate} from '../../src/files/templates.js';

const CSS = [
  '/* url(http://in.a/comment.png) */ @import "other.css";',
  'h1 { background: url(  "https://host/x.png" ) no-repeat; }',
  'h2::before { content: url(data:image/png;base64,AAAA); }',
  "p { background-image: url('../../secret.png'), url(local.png); }",
].join('\n');

describe('references in a book template', () => {
  it('should find every @import and url() other than data:, where it stands', () => {
    expect(outsideReferences(CSS).map(({text, line, column}) => [text, line, column])).toEqual([
      ['@import "other.css";', 1, 36],
      ['url(  "https://host/x.png" )', 2, 18],
      ["url('../../secret.png')", 4, 23],
      ['url(local.png)', 4, 48],
    ]);
  });

  it("should take them out of the book's own template and leave huibian's alone", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'huibian-template-'));
    await mkdir(path.join(dir, 'templates'));
    await writeFile(path.join(dir, 'templates', 'print.css'), CSS);
    const own = await readTemplate(dir, 'print.css');
    expect(own).not.toMatch(/@import|https:|secret|local\.png/);
    expect(own).toContain('background: none no-repeat;');
    expect(own).toContain('url(data:image/png;base64,AAAA)');
    expect(own).toContain('background-image: none, none;');
    expect(await readTemplate(os.tmpdir(), 'print.css')).toMatch(/^[\s\S]{1000,}$/);
  });
});
