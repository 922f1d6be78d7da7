import {VFile} from 'vfile';

/**
 * CSS that makes transparency in a PDF: opacity below 1, colours with an alpha channel,
 * `transparent` fills. A print shop's PDF/X-1a allows none, and Ghostscript rasterizes a page
 * that has any (its text stops being text). Reported at its line and column as warnings.
 */
export function transparencyWarnings(css: string, filePath: string): VFile {
  const file = new VFile({path: filePath, value: css});
  const patterns: Array<[RegExp, string]> = [
    [/\bopacity\s*:\s*(0?\.\d+|0)\b/g, '不透明度小于 1'],
    [/\b(?:rgba|hsla)\s*\([^)]*,\s*(0?\.\d+|0)\s*\)/g, '带透明度的颜色'],
    [/\b(?:rgb|hsl)\s*\([^)]*\/\s*(0?\.\d+|\d+%)\s*\)/g, '带透明度的颜色'],
    [/:\s*transparent\b/g, 'transparent'],
  ];
  const clean = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  for (const [pattern, what] of patterns) {
    for (const match of clean.matchAll(pattern)) {
      const before = clean.slice(0, match.index);
      const line = before.split('\n').length;
      const column = match.index - before.lastIndexOf('\n');
      file.message(`印刷用的 PDF 不能有透明（${what}）：印厂会拒收，Ghostscript 会把整页变成图片`, {
        place: {line, column},
        ruleId: 'transparency',
        source: 'huibian',
      });
    }
  }
  return file;
}
