import { ZDataset, ZDatasetList } from '@tensorscope/shared';
import type { z } from 'zod';
import { error, errors, json } from './openapi.parts';

type Schema = (s: z.ZodType, io?: 'input' | 'output') => Record<string, unknown>;

const datasetId = {
  name: 'id',
  in: 'path',
  required: true,
  description: '`mnist`, `cifar10`, or an upload’s id',
  schema: { type: 'string' },
};
const file = { type: 'string', format: 'binary' };

/** The dataset catalogue and uploads, for the OpenAPI document. */
export function datasetPaths(): Record<string, unknown> {
  return {
    '/api/datasets': {
      get: {
        summary: 'The dataset catalogue: built-ins first, then uploads',
        responses: { '200': { description: 'datasets', content: json('DatasetList') } },
      },
      post: {
        summary: 'Upload a dataset (a launcher): streamed into the database, decoded, described',
        description:
          'multipart/form-data. Fields: `name`; `format` = `idx` (files `trainImages`, `trainLabels`, `testImages`, `testLabels`: the MNIST family’s IDX, gzip or raw), `image-folder-zip` (file `archive`: `train/<class>/*.png|jpg` and `test/<class>/*.png|jpg`, one image size; classes numbered in sorted folder order) or `csv` (files `train`, `test`: rows `label,pixel,…` of integers 0–255, a header row allowed); optional `classNames` (comma-separated, one per label) and, for csv, `inputShape` (`h,w,c`; else a square gray or RGB image is inferred). At most DATASET_UPLOAD_MAX_BYTES (2 GB) in all. A bad upload answers 400 naming the file and problem and keeps nothing.',
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['name', 'format'],
                properties: {
                  name: { type: 'string' },
                  format: { type: 'string', enum: ['idx', 'image-folder-zip', 'csv'] },
                  classNames: { type: 'string', description: 'comma-separated' },
                  inputShape: { type: 'string', description: 'csv only: "h,w,c"' },
                  trainImages: file,
                  trainLabels: file,
                  testImages: file,
                  testLabels: file,
                  archive: file,
                  train: file,
                  test: file,
                },
              },
            },
          },
        },
        responses: {
          '201': { description: 'the dataset as catalogued', content: json('Dataset') },
          ...errors({
            '400': 'a bad form or bad files: details name the field (files: what decoding found)',
            '403': 'viewers cannot upload',
          }),
        },
      },
    },
    '/api/datasets/{id}': {
      get: {
        summary: 'One dataset',
        parameters: [datasetId],
        responses: { '200': { description: 'the dataset', content: json('Dataset') }, '404': error('no such dataset') },
      },
      delete: {
        summary: 'Delete an upload and its files (its owner or an admin); built-ins stay',
        parameters: [datasetId],
        responses: {
          '204': { description: 'deleted' },
          '403': error('not the owner'),
          '404': error('no such dataset'),
          '409': error('built in'),
        },
      },
    },
  };
}

export function datasetSchemas(schema: Schema): Record<string, unknown> {
  return { Dataset: schema(ZDataset), DatasetList: schema(ZDatasetList) };
}
