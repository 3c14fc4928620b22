import { formatPercent } from '../../../lib/format';
import { badgeLevel, GAP_EXPLANATION, GAP_THRESHOLDS, ROUGHNESS_EXPLANATION, ROUGHNESS_THRESHOLDS } from '../lib/compare-overfit';

const KINDS = {
  gap: { label: 'gap', thresholds: GAP_THRESHOLDS, explanation: GAP_EXPLANATION },
  roughness: { label: 'rough', thresholds: ROUGHNESS_THRESHOLDS, explanation: ROUGHNESS_EXPLANATION },
} as const;

/**
 * One overfitting signal as a small coloured badge (green / amber / red); the tooltip gives the
 * formula and the thresholds. `undefined` = still being measured, `null` = not measurable.
 */
export function OverfitBadge({
  kind,
  value,
  approximate = false,
}: {
  kind: keyof typeof KINDS;
  value: number | null | undefined;
  /** Measured on downsampled points: shown with "≈". */
  approximate?: boolean;
}) {
  const { label, thresholds, explanation } = KINDS[kind];
  const level = value === undefined ? 'pending' : (badgeLevel(value, thresholds) ?? 'none');
  const approx = approximate && typeof value === 'number';
  const shown = value === undefined ? '…' : value === null ? '—' : `${approx ? '≈' : ''}${formatPercent(value)}`;
  return (
    <span
      className={`overfit-badge overfit-badge--${level}`}
      data-testid="overfit-badge"
      data-kind={kind}
      data-level={level}
      title={`${explanation}${value === null ? ' Not measurable for this run (missing metric or points).' : ''}${
        approx ? ' Approximate: the train loss has more than 40,000 points and was measured on its downsampled extremes.' : ''
      }`}
    >
      {label} {shown}
    </span>
  );
}

export function OverfitBadges({
  gap,
  roughness,
  roughnessExact = true,
}: {
  gap: number | null | undefined;
  roughness: number | null | undefined;
  roughnessExact?: boolean;
}) {
  return (
    <span className="overfit-badges">
      <OverfitBadge kind="gap" value={gap} />
      <OverfitBadge kind="roughness" value={roughness} approximate={!roughnessExact} />
    </span>
  );
}
