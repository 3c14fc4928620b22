import type { Metadata } from 'next';
import { DatasetsPage } from '../../features/datasets/components/datasets-page';

export const metadata: Metadata = { title: 'Datasets · Tensorscope' };

export default function Datasets() {
  return <DatasetsPage />;
}
