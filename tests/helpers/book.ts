import {mkdir, mkdtemp, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Write a throwaway book folder from a map of relative paths to contents; returns its path. */
export async function makeBook(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'huibian-test-'));
  for (const [name, content] of Object.entries(files)) {
    const target = path.join(dir, name);
    await mkdir(path.dirname(target), {recursive: true});
    await writeFile(target, content);
  }
  return dir;
}

/** A manuscript with front matter built from `matter` and the given body. */
export function manuscript(matter: Record<string, string>, body: string): string {
  const lines = Object.entries(matter).map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}\n`;
}

/** A small valid book: two parts, three articles, a footnote, a table, an SVG figure. */
export function smallBook(extra: Record<string, string | Uint8Array> = {}): Record<string, string | Uint8Array> {
  return {
    'book.yaml': 'title: 测试村年鉴\nauthor: 测试村委会\nyear: 2025\nparts:\n  - 村务\n  - 生活\n',
    'manuscripts/00-preface.md': manuscript({title: '写在前面', date: '2025-12-01'}, '这是一本测试用的小书，用来检查排版流程。'),
    'manuscripts/01-a.md': manuscript(
      {title: '村里修了一条路', author: '记者 王小明', date: '2025-05-02', source: '村广播站', part: '村务'},
      '## 一、缘起\n\n去年冬天，村民提出修路的愿望[^1]。\n\n| 项目 | 数量 |\n| --- | --- |\n| 道路 | 3公里 |\n\n![新修的道路](images/road.svg)\n\n[^1]: 在村民大会上提出。',
    ),
    'manuscripts/02-b.md': manuscript({title: '春天的集市', date: '2025-03-09', part: '生活'}, '集市上人来人往，热闹非凡。'),
    'manuscripts/images/road.svg':
      '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200"><rect width="400" height="200" fill="#ddd"/><text x="20" y="100" font-size="24">道路示意</text></svg>',
    ...extra,
  };
}

const CHARS = '春夏秋冬东南西北村镇街道田地山水桥路农林牧渔学校医院文化广场';

/** Varied Han text of `n` characters (deterministic). */
export function prose(n: number, seed = 7): string {
  let x = seed;
  return Array.from({length: n}, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return CHARS[x % CHARS.length];
  }).join('');
}
