import type { Metadata } from 'next';
import { Suspense } from 'react';
import { RunForm } from '../../../features/runs/components/run-form';

export const metadata: Metadata = { title: 'New run · Tensorscope' };

export default function NewRunPage() {
  return (
    <>
      <div className="page-head">
        <h1>New run</h1>
      </div>
      {/* The form reads its mode (?mode=sweep) from the URL, which needs a Suspense boundary. */}
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <RunForm />
      </Suspense>
    </>
  );
}
