import type { Metadata } from 'next';
import { SweepListPage } from '../../features/sweeps/components/sweep-list-page';

export const metadata: Metadata = { title: 'Sweeps · Tensorscope' };

export default function SweepsPage() {
  return <SweepListPage />;
}
