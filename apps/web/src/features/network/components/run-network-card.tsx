'use client';

import type { TRun } from '@tensorscope/shared';
import { useMemo } from 'react';
import { runNetwork } from '../lib/run-network';
import { shapeText } from '../lib/network-preview';

/** The run page's "Network": every layer the run trains with its output shape and parameters, the added head marked, the total. */
export function RunNetworkCard({ run }: { run: TRun }) {
  const network = useMemo(() => runNetwork(run), [run]);
  if (!network) return null;
  return (
    <section className="card" data-testid="run-network">
      <h2>Network</h2>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>layer</th>
              <th>type</th>
              <th>output shape</th>
              <th className="num">params</th>
            </tr>
          </thead>
          <tbody>
            <tr className="muted">
              <td />
              <td>input</td>
              <td />
              <td className="mono">{shapeText(network.inputShape)}</td>
              <td />
            </tr>
            {network.layers.map((l) => (
              <tr key={l.name} data-testid="run-network-layer" className={l.added ? 'layer-row--added' : undefined}>
                <td className="num muted">{l.index}</td>
                <td className="mono">
                  {l.name}
                  {l.added && <span className="tag-chip">added head</span>}
                </td>
                <td>{l.type}</td>
                <td className="mono">{shapeText(l.outputShape)}</td>
                <td className="num mono">{l.params.toLocaleString('en-US')}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={4}>total</th>
              <th className="num mono" data-testid="run-network-params">
                {network.paramCount.toLocaleString('en-US')}
              </th>
            </tr>
          </tfoot>
        </table>
      </div>
      {network.notes.length > 0 && (
        <ul className="muted small network-notes">
          {network.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
