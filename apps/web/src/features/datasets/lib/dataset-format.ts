import { DATASET_FILE_FIELDS, type TDatasetFormat } from '@tensorscope/shared';

/** What each upload format is, in the words of the form. */
export const FORMAT_LABELS: Record<TDatasetFormat, string> = {
  idx: 'IDX files (MNIST family)',
  'image-folder-zip': 'Zip of class folders',
  csv: 'CSV files',
};

/** What the files of each format must hold, under the picker. */
export const FORMAT_HINTS: Record<TDatasetFormat, string> = {
  idx: 'Four IDX files as MNIST ships them, gzip or raw: images [n, h, w] or [n, h, w, c], labels 0…k−1.',
  'image-folder-zip': 'train/<class>/*.png|jpg and test/<class>/*.png|jpg, all one size; classes numbered in sorted folder order.',
  csv: 'One row per image: the label, then its pixels 0–255 row by row (a header row is fine); the shape is inferred when square.',
};

/** The file inputs a format asks for: its fields with a caption each. */
const FILE_LABELS: Record<string, string> = {
  trainImages: 'Train images',
  trainLabels: 'Train labels',
  testImages: 'Test images',
  testLabels: 'Test labels',
  archive: 'Archive (.zip)',
  train: 'Train CSV',
  test: 'Test CSV',
};

export const fileInputsOf = (format: TDatasetFormat) =>
  DATASET_FILE_FIELDS[format].map((field) => ({ field, label: FILE_LABELS[field] ?? field }));

/** "45.2 MB" */
export const formatBytes = (bytes: number): string =>
  bytes >= 1e9
    ? `${(bytes / 1e9).toFixed(2)} GB`
    : bytes >= 1e6
      ? `${(bytes / 1e6).toFixed(1)} MB`
      : `${Math.max(1, Math.round(bytes / 1e3))} kB`;

/** The class balance in a few words: "6,000 each" or "5,421–6,742 per class". */
export function describeCounts(counts: readonly number[]): string {
  if (counts.length === 0) return '';
  const min = Math.min(...counts);
  const max = Math.max(...counts);
  const n = (v: number) => v.toLocaleString('en-US');
  return min === max ? `${n(min)} each` : `${n(min)}–${n(max)} per class`;
}
