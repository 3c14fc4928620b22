import { shapeText } from '../lib/network-preview';

/** The footer of a layer table: the network's total parameters (– while it does not resolve). */
export function NetworkTotalRow({
  paramCount,
  testId,
  trailingCells,
}: {
  paramCount: number | undefined;
  testId: string;
  trailingCells: number;
}) {
  return (
    <tfoot>
      <tr>
        <th colSpan={4}>total</th>
        <th className="num mono" data-testid={testId}>
          {paramCount !== undefined ? paramCount.toLocaleString('en-US') : '–'}
        </th>
        {Array.from({ length: trailingCells }, (_, i) => (
          <th key={i} />
        ))}
      </tr>
    </tfoot>
  );
}

/** Lines under a layer table: what the server changed (notes) or why the network cannot train (problems). */
export function NetworkLines({ lines, className, testId }: { lines: readonly string[]; className: string; testId?: string }) {
  if (lines.length === 0) return null;
  return (
    <ul className={className} data-testid={testId}>
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** The first row of a layer table: the images the network reads. */
export function NetworkInputRow({
  shape,
  note,
  trailingCells,
}: {
  shape: readonly number[] | undefined;
  note: string;
  trailingCells: number;
}) {
  return (
    <tr className="muted">
      <td />
      <td>input</td>
      <td className="small">{note}</td>
      <td className="mono">{shape ? shapeText(shape) : '–'}</td>
      {Array.from({ length: trailingCells + 1 }, (_, i) => (
        <td key={i} />
      ))}
    </tr>
  );
}
