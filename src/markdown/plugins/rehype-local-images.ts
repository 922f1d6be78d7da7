import type {Asset} from '../../model/book.js';
import {createHash} from 'node:crypto';
import {existsSync} from 'node:fs';
import path from 'node:path';
import type {Element, Root} from 'hast';
import {visit} from '../visit.js';
import type {VFile} from 'vfile';
import {imageFileProblem} from '../../files/image-files.js';
import {IMAGE_TYPES} from '../../files/media-types.js';
import {error} from '../../report/messages.js';

declare module 'vfile' {
  interface DataMap {
    /** Images of this manuscript, found and checked by {@link rehypeLocalImages}. */
    assets: Asset[];
    /** `--allow-missing-images`: a missing or broken image is a warning and a marked gap, not an error. */
    allowMissingImages: boolean;
  }
}

/**
 * Check every image of a manuscript: it must be a local file of a known type next to the
 * manuscript (the build is fenced: no network). `src` is rewritten to the output's asset path.
 */
export default function rehypeLocalImages() {
  return async (tree: Root, file: VFile): Promise<void> => {
    const images: Element[] = [];
    visit(tree, 'element', (node) => {
      if (node.tagName === 'img') images.push(node);
    });
    const assets = new Map<string, Asset>();
    for (const image of images) {
      const src = String(image.properties.src ?? '');
      const place = image.position?.start;
      if (/^[a-z][a-z0-9+.-]*:/i.test(src)) {
        error(file, `不能使用网络或内嵌图片 \`${src.slice(0, 60)}\`：请把图片存到 manuscripts/images/ 并写相对路径`, place, 'image');
        continue;
      }
      const decoded = safeDecode(src);
      const absolute = path.resolve(file.cwd, file.dirname ?? '.', decoded);
      // The build reads nothing outside the book's folder (`../../` in a path).
      const inBook = path.relative(file.cwd, absolute);
      if (inBook === '..' || inBook.startsWith(`..${path.sep}`) || path.isAbsolute(inBook)) {
        error(file, `图片 \`${src}\` 在书的文件夹之外：请把它复制到 manuscripts/images/ 并写相对路径`, place, 'image');
        continue;
      }
      const mediaType = IMAGE_TYPES[path.extname(absolute).toLowerCase()];
      if (!mediaType) {
        error(file, `不支持的图片格式 \`${src}\`：请用 ${Object.keys(IMAGE_TYPES).join(' ')} 之一`, place, 'image');
        continue;
      }
      const found = existsSync(absolute);
      const problem = found ? await imageFileProblem(absolute, mediaType) : undefined;
      if (!found || problem) {
        const reason = problem ? `图片 \`${src}\` ${problem}：请重新导出或换一张` : `找不到图片 \`${src}\`（应在 ${absolute}）：请检查文件名和路径`;
        if (file.data.allowMissingImages) {
          // Asked for: the build goes on, the gap is marked in the book and said every time.
          file.message(`${reason}（--allow-missing-images：以“缺图”标记代替）`, {place, ruleId: 'image', source: 'huibian'});
          Object.assign(image, {tagName: 'span', properties: {className: ['missing-image']}, children: [{type: 'text', value: `［缺图：${src}］`}]});
        } else {
          error(file, reason, place, 'image');
        }
        continue;
      }
      const key = path.relative(file.cwd, absolute);
      const hash = createHash('sha256').update(key).digest('hex').slice(0, 10);
      const asset: Asset = {url: `assets/${hash}${path.extname(absolute).toLowerCase()}`, path: absolute, mediaType, place};
      if (!assets.has(asset.url)) assets.set(asset.url, asset);
      image.properties.src = asset.url;
    }
    file.data.assets = [...assets.values()];
  };
}

function safeDecode(src: string): string {
  try {
    return decodeURIComponent(src);
  } catch {
    return src;
  }
}
