'use client';

import { useDebouncedDraft } from '../hooks/use-debounced-draft';
import { clampSmoothing, MAX_SMOOTHING } from '../features/compare/lib/compare-url';

/**
 * TensorBoard's smoothing slider (the compare toolbar and the run page): it answers at once, and
 * `onChange` (a URL update, a refetch) follows once it rests. A change of `value` from elsewhere
 * (Back, a link) moves it.
 */
export function SmoothingSlider({
  value,
  onChange,
  testId = 'smoothing-slider',
}: {
  value: number;
  onChange: (value: number) => void;
  testId?: string;
}) {
  const [local, setLocal] = useDebouncedDraft(value, onChange, 200);
  return (
    <label className="compare-control compare-smoothing" title="Smoothing weight: 0 = raw, closer to 1 = smoother">
      <span>Smoothing</span>
      <input
        type="range"
        min={0}
        max={MAX_SMOOTHING}
        step={0.001}
        value={local}
        onChange={(e) => setLocal(clampSmoothing(Number(e.target.value)))}
        data-testid={testId}
        aria-valuetext={local.toFixed(3)}
      />
      <output className="mono">{local.toFixed(3)}</output>
    </label>
  );
}
