import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';

/** The repository root, where the sample report lives. */
export const root = path.resolve(import.meta.dirname, '../..');

/** A manuscript of the sample, parsed the plain way (not with huibian), to check huibian against. */
export interface Manuscript {
  title: string;
  part?: string;
  /** Everything printed from it: title, subtitle, byline, source and the body. */
  text: string;
  /** A front matter value as written (`''` when absent). */
  field(key: string): string;
  /** The Markdown after the front matter. */
  body: string;
}

/** The manuscripts of the sample, or of the book in `bookDir`. */
export async function readManuscripts(bookDir = root): Promise<Manuscript[]> {
  const dir = path.join(bookDir, 'manuscripts');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.md'));
  return Promise.all(
    names.map(async (name) => {
      const raw = await readFile(path.join(dir, name), 'utf8');
      const [, matter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(raw) ?? [];
      const field = (key: string) => new RegExp(`^${key}:\\s*(.+)$`, 'm').exec(matter)?.[1]?.trim() ?? '';
      const printed = ['title', 'subtitle', 'author', 'source'].map(field).join('');
      return {title: field('title'), part: field('part') || undefined, text: printed + body, field, body};
    }),
  );
}

/** The sample book's title. */
export async function sampleTitle(): Promise<string> {
  return /^title:\s*(.+)$/m.exec(await readFile(path.join(root, 'book.yaml'), 'utf8'))![1]!.trim();
}

/** Text without white space. */
export const squash = (text: string) => text.replace(/\s+/g, '');

/** Only the Han characters of a text: titles compare this way across quote styles and upright runs. */
export const han = (text: string) => (text.match(/\p{Script=Han}/gu) ?? []).join('');

const MM = 72 / 25.4;
/** Page areas of the A5 sample in PDF points from the top left: the running head band, the text, the folio band. */
export const areas = {
  head: {x: 0, y: 0, w: 420, h: Math.floor(18 * MM)},
  content: {x: 0, y: Math.ceil(18 * MM), w: 420, h: Math.floor(595 - 36 * MM)},
  foot: {x: 0, y: Math.ceil(595 - 18 * MM), w: 420, h: Math.floor(18 * MM)},
};
