'use client';

import type { TDataset } from '@tensorscope/shared';
import { ApiImage } from '../../../components/api-image';

/** Rows of the sample grid at most (the API draws the first 64 classes). */
const CLASSES_SHOWN = 64;
const GAP = 2;

/**
 * The dataset's sample grid: one row per class of its first images, scaled up by a whole factor
 * so small images stay sharp, with each class's name and image count beside its row.
 */
export function DatasetSamples({ dataset: d }: { dataset: TDataset }) {
  const [h] = d.inputShape;
  const scale = Math.min(4, Math.max(1, Math.round(56 / h)));
  const rowHeight = (h + GAP) * scale;
  const classes = d.classes.slice(0, CLASSES_SHOWN);
  return (
    <div className="dataset-samples" data-testid="dataset-samples">
      <ol className="dataset-samples-classes" style={{ paddingTop: GAP * scale }}>
        {classes.map((c, i) => (
          <li key={c} style={{ height: rowHeight }}>
            {c} <span className="muted small">{d.classCounts.train[i]?.toLocaleString('en-US')}</span>
          </li>
        ))}
      </ol>
      <ApiImage
        path={`/api/datasets/${encodeURIComponent(d.id)}/samples.png`}
        alt={`The first images of each class of ${d.name}`}
        className="dataset-samples-img"
        style={{ height: (classes.length * (h + GAP) + GAP) * scale }}
      />
    </div>
  );
}
