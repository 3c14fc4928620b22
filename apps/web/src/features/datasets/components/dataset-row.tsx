'use client';

import type { TDataset } from '@tensorscope/shared';
import { useState } from 'react';
import { ConfirmBox } from '../../../components/confirm-box';
import { useSignedInUser } from '../../../hooks/use-me';
import { formatTimestamp } from '../../../lib/format';
import { canLaunch } from '../../../lib/permissions';
import { useDeleteDataset } from '../hooks/use-datasets';
import { describeCounts, formatBytes } from '../lib/dataset-format';
import { DatasetSamples } from './dataset-samples';

/** One catalogue row: what the dataset is, its statistics, and (uploads) a delete behind a confirmation. */
export function DatasetRow({ dataset: d }: { dataset: TDataset }) {
  const remove = useDeleteDataset();
  const may = canLaunch(useSignedInUser(), 'datasets').ok;
  const [confirming, setConfirming] = useState(false);
  const classes = d.classes.length > 4 ? `${d.classes.slice(0, 4).join(', ')}, … (${d.classes.length})` : d.classes.join(', ');
  const [showSamples, setShowSamples] = useState(false);
  return (
    <>
      <tr data-testid="dataset-row" data-id={d.id}>
        <td>
          <strong>{d.name}</strong>
          {d.builtin && <span className="tag-chip">built in</span>}
          <div className="muted small">
            <span className="mono" title={d.id}>
              {d.id.length > 12 ? `${d.id.slice(0, 8)}…` : d.id}
            </span>
            {' · '}
            <span className="mono" title={`sha256 ${d.checksum}`}>
              {d.checksum.slice(0, 10)}…
            </span>
            {!d.builtin && ` · ${formatTimestamp(d.createdAt)}`}
          </div>
        </td>
        <td className="mono">{d.inputShape.join('×')}</td>
        <td
          title={d.classes.map((c, i) => `${c}: ${d.classCounts.train[i] ?? '?'} train / ${d.classCounts.test[i] ?? '?'} test`).join('\n')}
        >
          {classes}
          <div className="muted small" data-testid="dataset-balance">
            {describeCounts(d.classCounts.train)}
          </div>
        </td>
        <td className="num mono" data-testid="dataset-sizes">
          {d.trainSize.toLocaleString('en-US')} / {d.testSize.toLocaleString('en-US')}
        </td>
        <td className="mono small">
          <div>μ {d.channelMean.map((v) => v.toFixed(3)).join(' ')}</div>
          <div>σ {d.channelStd.map((v) => v.toFixed(3)).join(' ')}</div>
        </td>
        <td className="num">{formatBytes(d.sizeBytes)}</td>
        <td className="dataset-actions">
          <button
            type="button"
            className="button"
            data-testid="dataset-show-samples"
            aria-expanded={showSamples}
            onClick={() => setShowSamples((s) => !s)}
          >
            {showSamples ? 'Hide samples' : 'Samples'}
          </button>
          {!d.builtin && may && !confirming && (
            <button type="button" className="button" data-testid="dataset-delete" onClick={() => setConfirming(true)}>
              Delete
            </button>
          )}
          {confirming && (
            <ConfirmBox
              testId="dataset-delete"
              label={`Delete ${d.name}`}
              busy={remove.isPending}
              confirm="Delete"
              confirming="Deleting…"
              back="Keep"
              onConfirm={() => remove.mutate(d.id, { onSettled: () => setConfirming(false) })}
              onBack={() => setConfirming(false)}
            >
              Delete {d.name} and its files?
            </ConfirmBox>
          )}
        </td>
      </tr>
      {showSamples && (
        <tr className="dataset-samples-row">
          <td colSpan={7}>
            <DatasetSamples dataset={d} />
          </td>
        </tr>
      )}
    </>
  );
}
