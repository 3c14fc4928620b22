import type { TClassMetrics, TClassNames } from '@tensorscope/shared';
import { classLabel } from '../../visualize/lib/class-labels';
import { formatShare } from '../lib/confusion-view';

/** Per class: how many test images, how many right, and the three ratios ("—" where one is 0/0). */
export function ClassMetricsTable({ perClass, classes }: { perClass: readonly TClassMetrics[]; classes: TClassNames }) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid="class-metrics">
        <thead>
          <tr>
            <th scope="col">class</th>
            <th scope="col" className="num" title="Test images of this class">
              images
            </th>
            <th scope="col" className="num" title="Right / images of the class: the class's accuracy, also called recall">
              accuracy (recall)
            </th>
            <th scope="col" className="num" title="Right / images predicted as this class">
              precision
            </th>
            <th scope="col" className="num" title="Harmonic mean of precision and recall">
              F1
            </th>
          </tr>
        </thead>
        <tbody>
          {perClass.map((c, label) => (
            <tr key={label} data-testid={`class-metrics-${label}`}>
              <th scope="row">{classLabel(classes, label)}</th>
              <td className="num mono">
                {c.correct} / {c.support}
              </td>
              <td className="num mono">{formatShare(c.recall)}</td>
              <td className="num mono" title={`${c.correct} of ${c.predicted} predicted`}>
                {formatShare(c.precision)}
              </td>
              <td className="num mono">{formatShare(c.f1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
