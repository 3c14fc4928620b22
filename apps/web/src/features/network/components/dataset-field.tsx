'use client';

import type { TDataset } from '@tensorscope/shared';
import Link from 'next/link';

/** The dataset a custom run trains on, from the catalogue (built-ins and uploads). */
export function DatasetSelect({
  value,
  datasets,
  loading,
  invalid,
  onChange,
}: {
  value: string;
  datasets: readonly TDataset[] | undefined;
  loading: boolean;
  invalid: boolean;
  onChange(id: string): void;
}) {
  const known = datasets?.some((d) => d.id === value) ?? false;
  return (
    <select
      id="run-dataset"
      name="dataset"
      data-testid="run-dataset"
      value={value}
      aria-invalid={invalid}
      onChange={(e) => onChange(e.target.value)}
    >
      {!known && <option value={value}>{loading ? `${value} (loading the catalogue…)` : `${value} (not in the catalogue)`}</option>}
      {datasets?.map((d) => (
        <option key={d.id} value={d.id}>
          {d.name} · {d.inputShape.join('×')} · {d.classes.length} classes
        </option>
      ))}
    </select>
  );
}

/** The chosen dataset in one line, and where more come from. */
export function datasetHint(dataset: TDataset | undefined) {
  return (
    <>
      {dataset && `${dataset.trainSize.toLocaleString('en-US')} train / ${dataset.testSize.toLocaleString('en-US')} test images · `}
      upload your own on the <Link href="/datasets">Datasets</Link> page
    </>
  );
}
