import type { ReactNode } from 'react';
import { barGeometry } from '../lib/bar-layout';

export interface TLabelledBar {
  label: ReactNode;
  value: number;
  /** Shown in bold (the true class, the winning unit). */
  strong?: boolean;
}

/**
 * One labelled horizontal bar per value, with the number beside it: class probabilities (scale
 * `domain` [0, 1]) or a dense layer's outputs (negative ones run left of a zero line).
 */
export function LabelledBars({
  bars,
  format,
  domain,
  ariaLabel,
  testId,
}: {
  bars: readonly TLabelledBar[];
  format: (value: number) => string;
  domain?: readonly [number, number];
  ariaLabel: string;
  testId?: string;
}) {
  const geometry = barGeometry(
    bars.map((b) => b.value),
    domain,
  );
  return (
    <ol className="probability-bars" aria-label={ariaLabel} data-testid={testId}>
      {bars.map((bar, i) => (
        <li key={i} className={bar.strong ? 'probability-bar probability-bar--true' : 'probability-bar'}>
          <span className="probability-name">{bar.label}</span>
          <span className="probability-track">
            {geometry.zero > 0 && <span className="probability-zero" style={{ left: `${geometry.zero}%` }} />}
            <span
              className={bar.value < 0 ? 'probability-fill probability-fill--negative' : 'probability-fill'}
              style={{ left: `${geometry.bars[i]!.left}%`, width: `${geometry.bars[i]!.width}%` }}
            />
          </span>
          <span className="probability-value mono">{format(bar.value)}</span>
        </li>
      ))}
    </ol>
  );
}
