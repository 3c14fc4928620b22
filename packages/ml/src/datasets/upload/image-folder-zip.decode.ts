import { unzipSync } from 'fflate';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { ImageDataset } from '../dataset.types';
import type { TDecodedUpload } from './upload.types';
import { UPLOAD_CLASSES_MAX } from './upload.types';
import { UploadError } from './upload.error';

const IMAGE = /\.(png|jpe?g)$/i;
/** Folders and files archivers add that are never data (macOS resource forks, hidden files). */
const NOISE = /(^|\/)(__MACOSX|\.[^/]*)(\/|$)/;

interface TEntry {
  split: 'train' | 'test';
  className: string;
  path: string;
  bytes: Uint8Array;
}

/**
 * The images of a zip laid out as `train/<class>/<image>` and `test/<class>/<image>` (optionally
 * all under one top folder, as zipping a folder makes), or why not.
 */
function entriesOf(zip: Uint8Array): TEntry[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip, { filter: (f) => !f.name.endsWith('/') && !NOISE.test(f.name) });
  } catch (e) {
    throw new UploadError(`archive: not a readable zip (${e instanceof Error ? e.message : String(e)})`);
  }
  const paths = Object.keys(files);
  if (paths.length === 0) throw new UploadError('archive: the zip holds no files');
  // One top folder around everything (zip of a folder): look inside it.
  const tops = new Set(paths.map((p) => p.split('/')[0]));
  const root = tops.size === 1 && !tops.has('train') && !tops.has('test') ? `${[...tops][0]}/` : '';
  const entries: TEntry[] = [];
  const strays: string[] = [];
  for (const path of paths) {
    const parts = path.slice(root.length).split('/');
    const [split, className, file] = parts;
    if (parts.length === 3 && (split === 'train' || split === 'test') && className && file && IMAGE.test(file))
      entries.push({ split, className, path, bytes: files[path]! });
    else strays.push(path);
  }
  if (strays.length > 0 || !entries.some((e) => e.split === 'train') || !entries.some((e) => e.split === 'test')) {
    const found = [...new Set(paths.map((p) => p.slice(root.length).split('/').slice(0, 2).join('/')))].slice(0, 8).join(', ');
    const stray =
      strays.length > 0
        ? `; not in that layout: ${strays.slice(0, 3).join(', ')}${strays.length > 3 ? ` and ${strays.length - 3} more` : ''}`
        : '';
    throw new UploadError(`archive: expected train/<class>/<image> and test/<class>/<image> (.png, .jpg) folders; found ${found}${stray}`);
  }
  return entries;
}

/** RGBA pixels of a PNG or JPEG. */
function decodeImage(entry: TEntry): { width: number; height: number; rgba: Uint8Array } {
  try {
    if (/\.png$/i.test(entry.path)) {
      const png = PNG.sync.read(Buffer.from(entry.bytes));
      return { width: png.width, height: png.height, rgba: png.data };
    }
    const jpg = jpeg.decode(entry.bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 256 });
    return { width: jpg.width, height: jpg.height, rgba: jpg.data };
  } catch (e) {
    throw new UploadError(`${entry.path}: not a readable image (${e instanceof Error ? e.message : String(e)})`);
  }
}

/**
 * An upload as a zip of class folders. Classes are the train folders' names in sorted order (as
 * Keras's image_dataset_from_directory numbers them); a test folder must name one of them. Every
 * image must have one size; images whose pixels are all gray (R = G = B) make a 1-channel
 * dataset, otherwise 3 channels. Transparency is refused, not flattened onto some background.
 */
export function decodeImageFolderZip(zip: Uint8Array): TDecodedUpload {
  const entries = entriesOf(zip);
  const classNames = [...new Set(entries.filter((e) => e.split === 'train').map((e) => e.className))].sort();
  if (classNames.length < 2) throw new UploadError(`archive: train/ has ${classNames.length} class folder; a classifier needs at least 2`);
  if (classNames.length > UPLOAD_CLASSES_MAX) throw new UploadError(`archive: ${classNames.length} classes; at most ${UPLOAD_CLASSES_MAX}`);
  const index = new Map(classNames.map((c, i) => [c, i]));
  const unknown = entries.find((e) => !index.has(e.className));
  if (unknown) throw new UploadError(`archive: test/${unknown.className}/ is not a class of train/ (${classNames.join(', ')})`);

  // Stable order: by split, class, then path, so the same zip always decodes to the same bytes.
  entries.sort((a, b) => (a.split === b.split ? 0 : a.split === 'train' ? -1 : 1) || a.path.localeCompare(b.path));
  let first: { width: number; height: number; path: string } | undefined;
  let gray = true;
  const decoded = entries.map((entry) => {
    const image = decodeImage(entry);
    first ??= { width: image.width, height: image.height, path: entry.path };
    if (image.width !== first.width || image.height !== first.height)
      throw new UploadError(
        `mixed image sizes: ${entry.path} is ${image.width}×${image.height} but ${first.path} is ${first.width}×${first.height}`,
      );
    const { rgba } = image;
    for (let p = 0; p < rgba.length; p += 4) {
      if (rgba[p + 3] !== 255) throw new UploadError(`${entry.path}: has transparent pixels; use images without alpha`);
      if (gray && (rgba[p] !== rgba[p + 1] || rgba[p] !== rgba[p + 2])) gray = false;
    }
    return { entry, rgba };
  });
  const { width, height } = first!;
  const channels = gray ? 1 : 3;
  const build = (split: 'train' | 'test'): ImageDataset => {
    const mine = decoded.filter((d) => d.entry.split === split);
    const images = new Uint8Array(mine.length * height * width * channels);
    const labels = new Uint8Array(mine.length);
    mine.forEach(({ entry, rgba }, n) => {
      labels[n] = index.get(entry.className)!;
      let dst = n * height * width * channels;
      for (let p = 0; p < rgba.length; p += 4) {
        images[dst++] = rgba[p]!;
        if (channels === 3) {
          images[dst++] = rgba[p + 1]!;
          images[dst++] = rgba[p + 2]!;
        }
      }
    });
    return { images, labels, count: mine.length, height, width, channels, classNames };
  };
  return { train: build('train'), test: build('test') };
}
