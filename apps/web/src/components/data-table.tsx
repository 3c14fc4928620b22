import type { ReactNode } from 'react';

/** A header cell: its text, or the text with the cell's class (`num` right-aligns a numeric column). */
export type TColumn = string | { label: ReactNode; className: string };

/**
 * The dashboard's plain table: a scrolling wrapper, one header row, the caller's rows. An empty
 * label makes an empty header cell (the actions column).
 */
export function DataTable({
  testId,
  className,
  columns,
  children,
}: {
  testId: string;
  /** Classes added to `table`. */
  className?: string;
  columns: readonly TColumn[];
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className={className ? `table ${className}` : 'table'} data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column, i) =>
              typeof column === 'string' ? (
                <th key={i}>{column}</th>
              ) : (
                <th key={i} className={column.className}>
                  {column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
