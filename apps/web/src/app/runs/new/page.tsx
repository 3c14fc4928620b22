import type { Metadata } from 'next';
import { RunForm } from '../../../components/run-form';

export const metadata: Metadata = { title: 'New run · Tensorscope' };

export default function NewRunPage() {
  return (
    <>
      <div className="page-head">
        <h1>New run</h1>
      </div>
      <RunForm />
    </>
  );
}
