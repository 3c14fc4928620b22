import type { TClassNames } from '@tensorscope/shared';
import { classLabel } from '../../visualize/lib/class-labels';
import { cellShade, rowShares } from '../lib/confusion-view';

/** Rows: the true class; columns: the prediction; each cell's count, shaded by its share of the row. */
export function ConfusionMatrix({ matrix, classes }: { matrix: readonly (readonly number[])[]; classes: TClassNames }) {
  const shares = rowShares(matrix);
  return (
    <div className="table-wrap confusion-wrap">
      <table className="confusion" data-testid="confusion-matrix">
        <caption className="muted small">Rows: true class · columns: predicted · shade: share of the row</caption>
        <thead>
          <tr>
            <th scope="col" className="confusion-corner">
              true ↓ / predicted →
            </th>
            {matrix.map((_, p) => (
              <th key={p} scope="col">
                {classLabel(classes, p)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.map((row, t) => (
            <tr key={t}>
              <th scope="row">{classLabel(classes, t)}</th>
              {row.map((count, p) => {
                const share = shares[t]![p]!;
                return (
                  <td
                    key={p}
                    className="mono"
                    style={cellShade(share, t === p)}
                    data-testid={`confusion-${t}-${p}`}
                    title={`${count} of the ${classLabel(classes, t)} images predicted ${classLabel(classes, p)} (${(share * 100).toFixed(1)} %)`}
                  >
                    {count}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
