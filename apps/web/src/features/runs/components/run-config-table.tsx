import type { TRun } from '@tensorscope/shared';
import { configRows } from '../lib/config-display';

export function RunConfigTable({ run }: { run: TRun }) {
  return (
    <section className="card">
      <h2>Config</h2>
      <table className="table kv config-table" data-testid="run-config">
        <tbody>
          {configRows(run.config).map(({ key, value, unset }) => (
            <tr key={key}>
              <th>{key}</th>
              <td className={unset ? 'mono muted' : 'mono'}>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
