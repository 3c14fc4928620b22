import type { TDataset } from '@tensorscope/shared';
import type { DatasetRow } from './dataset.repository';

export function toDataset(row: DatasetRow): TDataset {
  const [h = 0, w = 0, c = 0] = row.inputShape;
  return {
    id: row.id,
    name: row.name,
    builtin: row.builtin,
    format: row.format,
    inputShape: [h, w, c],
    classes: row.classNames,
    trainSize: row.trainSize,
    testSize: row.testSize,
    channelMean: row.channelMean,
    channelStd: row.channelStd,
    classCounts: { train: row.trainClassCounts, test: row.testClassCounts },
    checksum: row.checksum,
    sizeBytes: Number(row.sizeBytes),
    createdAt: row.createdAt.toISOString(),
  };
}
