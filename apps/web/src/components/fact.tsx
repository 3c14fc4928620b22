import type { ReactNode } from 'react';

/** One term of a `dl.facts` header (a run's, a sweep's): the term above its value. */
export function Fact({ term, className, testId, children }: { term: string; className?: string; testId?: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd className={className} data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
