import type { Metadata } from 'next';
import { SweepView } from '../../../features/sweeps/components/sweep-view';

export const metadata: Metadata = { title: 'Sweep · Tensorscope' };

export default async function SweepPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <SweepView id={id} />;
}
