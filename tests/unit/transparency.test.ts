import {describe, expect, it} from 'vitest';
import {transparencyWarnings} from '../../src/lint/transparency.js';

describe('transparency preflight', () => {
  it('should point at every transparent colour and opacity, not at comments or opaque colours', () => {
    const css =
      '/* opacity: 0.5 */\n.a { opacity: 0.8; color: #333 }\n.b { color: rgba(0, 0, 0, 0.5); background: rgb(0 0 0 / 50%) }\n.c { background: transparent; opacity: 1 }';
    const file = transparencyWarnings(css, 'print.css');
    expect(file.messages.map((m) => [m.line, m.column])).toEqual(
      [
        [2, 6],
        [3, 13],
        [3, 45],
        [4, 16],
      ].sort(),
    );
    expect(transparencyWarnings('.a { color: rgba(0,0,0,1); opacity: 1 }', 'x.css').messages).toEqual([]);
  });

  it('should find none in the shipped templates', async () => {
    const {readTemplate} = await import('../../src/files/templates.js');
    for (const name of ['print.css', 'pages-horizontal.css', 'pages-vertical.css']) {
      expect(transparencyWarnings(await readTemplate('/nonexistent', name), name).messages).toEqual([]);
    }
  });
});
