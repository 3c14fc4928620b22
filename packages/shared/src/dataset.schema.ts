import { z } from 'zod';
import { safeText } from './safe-text.schema';

/*
 * The dataset catalogue (issue #16): the built-in MNIST and CIFAR-10 plus uploaded datasets.
 * `POST /api/datasets` takes multipart/form-data: fields `name`, `format` and optionally
 * `classNames` (comma-separated) and `inputShape` (CSV only, "h,w,c"); files by format.
 */

export const DATASET_FORMATS = ['idx', 'image-folder-zip', 'csv'] as const;
export const ZDatasetFormat = z.enum(DATASET_FORMATS, { error: `format must be one of ${DATASET_FORMATS.join(', ')}` });
export type TDatasetFormat = z.infer<typeof ZDatasetFormat>;

/** The file fields each format takes, all required. */
export const DATASET_FILE_FIELDS: Readonly<Record<TDatasetFormat, readonly string[]>> = {
  idx: ['trainImages', 'trainLabels', 'testImages', 'testLabels'],
  'image-folder-zip': ['archive'],
  csv: ['train', 'test'],
};

export const DATASET_NAME_MAX = 80;

/** The text fields of an upload (multipart fields arrive as strings). */
export const ZDatasetUploadFields = z.strictObject({
  name: safeText('name')
    .trim()
    .min(1, 'name must not be blank')
    .max(DATASET_NAME_MAX, `name must be at most ${DATASET_NAME_MAX} characters`),
  format: ZDatasetFormat,
  classNames: z
    .string()
    .transform((s) => s.split(',').map((c) => c.trim()))
    .pipe(z.array(safeText('class name').min(1, 'a class name must not be blank').max(40)).max(256))
    .optional(),
  inputShape: z
    .string()
    .regex(/^\s*\d+\s*,\s*\d+\s*,\s*(1|3)\s*$/, 'inputShape is "height,width,channels" with 1 or 3 channels, e.g. "28,28,1"')
    .transform((s) => s.split(',').map((v) => Number(v.trim())) as [number, number, number])
    .optional(),
});
export type TDatasetUploadFields = z.infer<typeof ZDatasetUploadFields>;

/** One dataset as the catalogue lists it. */
export const ZDataset = z.object({
  id: z.string(),
  name: z.string(),
  builtin: z.boolean(),
  format: z.string(),
  inputShape: z.tuple([z.number().int(), z.number().int(), z.number().int()]),
  classes: z.array(z.string()),
  trainSize: z.number().int(),
  testSize: z.number().int(),
  /** Per channel, of pixels scaled to [0, 1], over the training split. */
  channelMean: z.array(z.number()),
  channelStd: z.array(z.number()),
  /** Images per class, in `classes` order, of each split. */
  classCounts: z.object({ train: z.array(z.number().int()), test: z.array(z.number().int()) }),
  /** sha256 of the stored files, in their field order. */
  checksum: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
});
export type TDataset = z.infer<typeof ZDataset>;

export const ZDatasetList = z.object({ items: z.array(ZDataset) });
export type TDatasetList = z.infer<typeof ZDatasetList>;

/**
 * The manifest of an uploaded dataset in a worker's cache (uploads/<checksum>/dataset.json), which
 * the API side writes after the files it copies from the database: what decoding them needs.
 */
export const ZUploadManifest = z.strictObject({
  id: z.string(),
  format: ZDatasetFormat,
  classNames: z.array(z.string()).min(2),
  inputShape: z.tuple([z.number().int(), z.number().int(), z.number().int()]),
  /** sha256 of the files' sha256 hex digests, one per line, in the format's field order (as the catalogue's). */
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
});
export type TUploadManifest = z.infer<typeof ZUploadManifest>;
