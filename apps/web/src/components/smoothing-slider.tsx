'use client';

import { useDebouncedDraft } from '../hooks/use-debounced-draft';
import { clampSmoothing, MAX_SMOOTHING } from '../features/compare/lib/compare-url';

/**
 * TensorBoard's smoothing slider (the compare toolbar and the run page): it answers at once, and
 * `onChange` (a URL update, a refetch) follows once it rests for `delayMs` (the compare view
 * passes 0: it redraws from the data it holds and delays only its request). A change of `value`
 * from elsewhere (Back, a link) moves it.
 */
export function SmoothingSlider({
  value,
  onChange,
  testId = 'smoothing-slider',
  delayMs = 200,
}: {
  value: number;
  onChange: (value: number) => void;
  testId?: string;
  delayMs?: number;
}) {
  const [local, setLocal] = useDebouncedDraft(value, onChange, delayMs);
  return (
    <label className="compare-control compare-smoothing" title="Smoothing weight: 0 = raw, closer to 1 = smoother">
      <span>Smoothing</span>
      <input
        type="range"
        min={0}
        max={MAX_SMOOTHING}
        step={0.001}
        value={local}
        onChange={(e) => {
          const next = clampSmoothing(Number(e.target.value));
          setLocal(next);
          // No delay: commit in this event, not a timer later (the draft's own commit then finds it done).
          if (delayMs === 0) onChange(next);
        }}
        data-testid={testId}
        aria-valuetext={local.toFixed(3)}
      />
      <output className="mono">{local.toFixed(3)}</output>
    </label>
  );
}
