import { Suspense } from 'react';
import { RunView } from '../../../features/runs/components/run-view';

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // The open tab is read from the URL (useSearchParams), which needs a Suspense boundary.
  return (
    <Suspense fallback={<p className="muted">Loading run…</p>}>
      <RunView id={id} />
    </Suspense>
  );
}
