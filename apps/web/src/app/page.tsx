import { Suspense } from 'react';
import { RunListPage } from '../features/runs/components/run-list-page';

export default function HomePage() {
  // The list reads its filters from the URL (useSearchParams), which needs a Suspense boundary.
  return (
    <Suspense fallback={<p className="muted">Loading…</p>}>
      <RunListPage />
    </Suspense>
  );
}
