import type { TClassNames } from '@tensorscope/shared';
import { classColor, classCount, classLabel } from '../lib/class-labels';
import { labelShares } from '../lib/visualization-images';

/** The label map's colours, with how much of the map each class wins (the unoccluded prediction usually dominates). */
export function ClassLegend({ classes, labels }: { classes: TClassNames; labels: readonly number[] }) {
  const shares = labelShares(labels, classCount(classes));
  return (
    <ul className="class-legend" data-testid="class-legend" aria-label="Label map colours">
      {shares.map((share, label) => (
        <li key={label} className={share === 0 ? 'class-legend-item class-legend-item--absent' : 'class-legend-item'}>
          <span className="class-swatch" style={{ background: classColor(label) }} aria-hidden="true" />
          {classLabel(classes, label)}
          {share > 0 && <span className="muted"> {Math.round(share * 100)} %</span>}
        </li>
      ))}
    </ul>
  );
}
