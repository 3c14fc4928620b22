import type { ReactNode } from 'react';

/** A card with a titled head, the head's pickers (when there is something to pick) to the right of the title. */
export function CardSection({
  title,
  testId,
  pickers,
  children,
}: {
  title: ReactNode;
  testId: string;
  pickers?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="card" data-testid={testId}>
      <div className="section-head">
        <h2>{title}</h2>
        {pickers ? <div className="pickers">{pickers}</div> : null}
      </div>
      {children}
    </section>
  );
}
