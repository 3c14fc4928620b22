import type { TSweep } from '@tensorscope/shared';

/** What the sweep varies (one axis per field, every combination a run) and what all its runs share. */
export function SweepConfigCard({ sweep }: { sweep: TSweep }) {
  const base = Object.entries(sweep.base);
  return (
    <div className="two-col two-col--top">
      <section className="card">
        <h2>Axes</h2>
        <table className="table kv" data-testid="sweep-axes">
          <tbody>
            {sweep.axes.map((axis) => (
              <tr key={axis.field}>
                <th>{axis.field}</th>
                <td className="mono">{axis.values.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">
          {sweep.axes.map((a) => a.values.length).join(' × ')} = {sweep.runCount} runs. Fields a model doesn’t have are dropped from its
          runs (LeNet-5 has no hidden size, the recurrent cells no variant).
        </p>
      </section>
      <section className="card">
        <h2>Base config</h2>
        {base.length === 0 ? (
          <p className="muted">Schema defaults for every field not varied.</p>
        ) : (
          <table className="table kv" data-testid="sweep-base">
            <tbody>
              {base.map(([key, value]) => (
                <tr key={key}>
                  <th>{key}</th>
                  <td className="mono">{typeof value === 'object' ? JSON.stringify(value) : String(value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
