import type { ImageDataset } from '../dataset.types';
import { classNamesFor, type TDecodedUpload } from './upload.types';
import { UploadError } from './upload.error';

interface TCsvRows {
  count: number;
  /** Values per row after the label. */
  width: number;
  labels: Uint8Array;
  pixels: Uint8Array;
}

const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const ZERO = 0x30;
const NINE = 0x39;

/** The text of the cell that starts at `start`, for a message (cut short: a cell may be anything). */
function cellAt(bytes: Uint8Array, start: number): string {
  let end = start;
  while (end < bytes.length && bytes[end] !== COMMA && bytes[end] !== LF && bytes[end] !== CR && end - start < 40) end++;
  return Buffer.from(bytes.subarray(start, end)).toString('utf8');
}

/**
 * Parses "label,pixel,pixel,…" rows of integers 0…255 in one pass over the bytes (a 60,000-row
 * file is ~100 MB: no strings per cell). A first row whose first cell is not a number is a header
 * and skipped. Every row must have as many cells as the first; every cell must be an integer
 * 0…255. Errors name the file, line and column.
 */
export function parseCsvRows(bytes: Uint8Array, fileName: string): TCsvRows {
  let i = 0;
  let line = 1;
  // Header: the first line, when its first non-blank byte is not a digit.
  while (i < bytes.length && (bytes[i] === SPACE || bytes[i] === TAB)) i++;
  if (i < bytes.length && !(bytes[i]! >= ZERO && bytes[i]! <= NINE)) {
    while (i < bytes.length && bytes[i] !== LF) i++;
    i++;
    line++;
  }
  let width = -1;
  let capacity = 1 << 16;
  let pixels = new Uint8Array(capacity);
  let labels = new Uint8Array(1024);
  let count = 0;
  let filled = 0;
  const row: number[] = [];
  const fail = (why: string): never => {
    throw new UploadError(`${fileName} line ${line}: ${why}`);
  };
  const endRow = () => {
    if (row.length === 0) return; // a blank line
    if (row.length < 2) fail(`${row.length} cell; a row is a label then at least one pixel`);
    if (width === -1) width = row.length - 1;
    else if (row.length - 1 !== width) fail(`${row.length} cells, but the first row has ${width + 1}`);
    if (count === labels.length) {
      const grown = new Uint8Array(labels.length * 2);
      grown.set(labels);
      labels = grown;
    }
    labels[count++] = row[0]!;
    if (filled + width > capacity) {
      while (filled + width > capacity) capacity *= 2;
      const grown = new Uint8Array(capacity);
      grown.set(pixels.subarray(0, filled));
      pixels = grown;
    }
    for (let k = 1; k < row.length; k++) pixels[filled++] = row[k]!;
    row.length = 0;
  };
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === LF) {
      endRow();
      line++;
      i++;
      continue;
    }
    if (b === CR || b === SPACE || b === TAB) {
      i++;
      continue;
    }
    const start = i;
    let value = 0;
    let digits = 0;
    while (i < bytes.length && bytes[i]! >= ZERO && bytes[i]! <= NINE) {
      value = value * 10 + (bytes[i]! - ZERO);
      digits++;
      i++;
    }
    while (i < bytes.length && (bytes[i] === SPACE || bytes[i] === TAB || bytes[i] === CR)) i++;
    const next = bytes[i];
    if (digits === 0 || (next !== undefined && next !== COMMA && next !== LF)) {
      const cell = cellAt(bytes, start).trim();
      fail(`column ${row.length + 1}: "${cell}" is not a whole number from 0 to 255`);
    }
    if (value > 255 || digits > 3)
      fail(`column ${row.length + 1}: ${cellAt(bytes, start).trim()} is above 255 (pixels and labels are bytes)`);
    row.push(value);
    if (next === COMMA) {
      i++;
      // A trailing comma leaves an empty cell: refused like any non-number.
      if (i >= bytes.length || bytes[i] === LF || bytes[i] === CR) fail(`column ${row.length + 1}: an empty cell`);
    }
  }
  endRow();
  if (count === 0) throw new UploadError(`${fileName}: no rows`);
  return { count, width, labels: labels.slice(0, count), pixels: pixels.slice(0, filled) };
}

/** [h, w, c] from the pixels per row: a square gray image, or a square RGB one. */
export function imageShapeOf(values: number, fileName: string): [number, number, number] {
  const gray = Math.round(Math.sqrt(values));
  if (gray * gray === values) return [gray, gray, 1];
  const rgb = Math.round(Math.sqrt(values / 3));
  if (values % 3 === 0 && rgb * rgb * 3 === values) return [rgb, rgb, 3];
  throw new UploadError(
    `${fileName}: ${values} pixels per row is neither a square gray image (h·h) nor a square RGB one (h·h·3); give inputShape`,
  );
}

/**
 * An upload as two CSV files (train, test) of "label,pixels…" rows, pixels row-major with channels
 * interleaved. The image shape is `inputShape` when given, else inferred from the row length.
 */
export function decodeCsvUpload(
  files: { train: Uint8Array; test: Uint8Array },
  options: { inputShape?: readonly [number, number, number]; classNames?: readonly string[] } = {},
): TDecodedUpload {
  const train = parseCsvRows(files.train, 'train');
  const test = parseCsvRows(files.test, 'test');
  if (test.width !== train.width) throw new UploadError(`train rows have ${train.width} pixels but test rows have ${test.width}`);
  const [height, width, channels] = options.inputShape ?? imageShapeOf(train.width, 'train');
  if (height * width * channels !== train.width)
    throw new UploadError(
      `inputShape [${height}, ${width}, ${channels}] holds ${height * width * channels} pixels; the rows have ${train.width}`,
    );
  const classNames = classNamesFor([train.labels, test.labels], options.classNames);
  const dataset = (rows: TCsvRows): ImageDataset => ({
    images: rows.pixels,
    labels: rows.labels,
    count: rows.count,
    height,
    width,
    channels,
    classNames,
  });
  return { train: dataset(train), test: dataset(test) };
}
