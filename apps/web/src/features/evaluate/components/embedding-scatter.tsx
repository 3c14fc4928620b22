import type { TClassNames, TEmbeddingResult } from '@tensorscope/shared';
import { classColor, classLabel } from '../../visualize/lib/class-labels';
import { fitPoints } from '../lib/scatter-fit';

const SIZE = 520;
const PAD = 12;

/** The embedding as an SVG scatter, one dot per test image (its class's colour; a ring when misclassified; its index and labels on hover). */
export function EmbeddingScatter({ result, classes }: { result: TEmbeddingResult; classes: TClassNames }) {
  const { px, py } = fitPoints(result.x, result.y, SIZE, SIZE, PAD);
  return (
    <svg
      className="embedding-scatter"
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      width={SIZE}
      height={SIZE}
      role="img"
      aria-label={`${result.method.toUpperCase()} of ${result.layer} on ${result.x.length} test images`}
      data-testid="embedding-scatter"
    >
      <text x={SIZE - PAD} y={SIZE / 2 - 4} textAnchor="end" className="embedding-axis">
        {result.method === 'pca' ? 'PC 1' : ''}
      </text>
      <text x={SIZE / 2 + 4} y={PAD + 4} className="embedding-axis">
        {result.method === 'pca' ? 'PC 2' : ''}
      </text>
      {px.map((x, i) => {
        const label = result.labels[i]!;
        const predicted = result.predicted[i]!;
        const wrong = predicted !== label;
        return (
          <circle
            key={i}
            cx={x.toFixed(1)}
            cy={py[i]!.toFixed(1)}
            r={wrong ? 3.2 : 2.4}
            fill={classColor(label)}
            fillOpacity={0.75}
            stroke={wrong ? 'currentColor' : 'none'}
            strokeWidth={wrong ? 0.8 : 0}
          >
            <title>{`#${i}: ${classLabel(classes, label)}${wrong ? `, predicted ${classLabel(classes, predicted)}` : ''}`}</title>
          </circle>
        );
      })}
    </svg>
  );
}
