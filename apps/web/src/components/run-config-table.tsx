import type { TRun } from '@tensorscope/shared';
import { FORM_FIELDS } from '../lib/run-form';

export function RunConfigTable({ run }: { run: TRun }) {
  const config = run.config as Record<string, unknown>;
  // Same order as the new-run form, then anything newer the API stores.
  const keys = [...FORM_FIELDS.filter((key) => key in config), ...Object.keys(config).filter((key) => !(FORM_FIELDS as readonly string[]).includes(key))];
  return (
    <section className="card">
      <h2>Config</h2>
      <table className="table kv" data-testid="run-config">
        <tbody>
          {keys.map((key) => (
            <tr key={key}>
              <th>{key}</th>
              <td className="mono">{String(config[key])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
