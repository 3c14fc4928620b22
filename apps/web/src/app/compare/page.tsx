import { Suspense } from 'react';
import { CompareView } from '../../features/compare/components/compare-view';
import './compare.css';

export const metadata = { title: 'Compare runs · Tensorscope' };

export default function ComparePage() {
  // The view reads its state from the URL (useSearchParams), which needs a Suspense boundary.
  return (
    <Suspense fallback={<p className="muted">Loading…</p>}>
      <CompareView />
    </Suspense>
  );
}
