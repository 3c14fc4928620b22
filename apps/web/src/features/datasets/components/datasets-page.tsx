'use client';

import { DataTable } from '../../../components/data-table';
import { QueryList } from '../../../components/query-list';
import { useDatasets } from '../hooks/use-datasets';
import { DatasetRow } from './dataset-row';
import { DatasetUploadForm } from './dataset-upload-form';

const COLUMNS = [
  'Dataset',
  'Image',
  'Classes',
  { label: 'Train / test', className: 'num' },
  'Channel mean, std',
  { label: 'Size', className: 'num' },
  '',
];

/** The dataset catalogue: the built-ins and every upload, and the upload form. */
export function DatasetsPage() {
  const datasets = useDatasets();
  return (
    <div className="page datasets-page">
      <h1>Datasets</h1>
      <section className="card">
        <QueryList query={datasets} what="datasets" loading="Loading datasets…">
          {(data) => (
            <DataTable testId="dataset-table" columns={COLUMNS}>
              {data.items.map((d) => (
                <DatasetRow key={d.id} dataset={d} />
              ))}
            </DataTable>
          )}
        </QueryList>
      </section>
      <DatasetUploadForm />
    </div>
  );
}
