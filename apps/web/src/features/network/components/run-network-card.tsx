'use client';

import type { TRun } from '@tensorscope/shared';
import { useMemo } from 'react';
import { runNetwork } from '../lib/run-network';
import { shapeText } from '../lib/network-preview';
import { NetworkInputRow, NetworkLines, NetworkTotalRow } from './network-parts';

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
            <NetworkInputRow shape={network.inputShape} note="" trailingCells={0} />
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
          <NetworkTotalRow paramCount={network.paramCount} testId="run-network-params" trailingCells={0} />
        </table>
      </div>
      <NetworkLines lines={network.notes} className="muted small network-notes" />
    </section>
  );
}
