'use client';

import type { TVisualization } from '@tensorscope/shared';
import { useState } from 'react';
import { useSignedInUser } from '../../../hooks/use-me';
import { canLaunch } from '../../../lib/permissions';
import { computeAction, findVisualization } from '../lib/visualization-match';
import { paramsKey, type TWantedParams } from '../lib/visualize-params';
import { useCreateVisualization } from './use-visualizations';

/**
 * One job of a section (top-9, confusion matrix, embedding) at one snapshot: the matching jobs in
 * the run's list, what its button should do, and the POST. The POST's pending state and error
 * belong to the step and params it was sent for, not to whatever the pickers show after a change.
 */
export function useSnapshotJob(runId: string, items: readonly TVisualization[], step: number, params: TWantedParams) {
  const create = useCreateVisualization(runId);
  const mayCompute = canLaunch(useSignedInUser(), 'visualizations');
  const match = findVisualization(items, step, params);
  const action = computeAction(match);
  const key = `${step}|${paramsKey(params)}`;
  const [askedKey, setAskedKey] = useState<string | null>(null);
  const asking = askedKey === key && create.isPending;
  const compute = () => {
    setAskedKey(key);
    create.mutate({ ...params, step, recompute: action === 'recompute' || match.latest?.status === 'failed' });
  };
  return {
    match,
    action,
    mayCompute,
    asking,
    busy: action === 'busy' || asking,
    askError: askedKey === key ? create.error : null,
    /** Whether this key was asked for in this view already (an automatic request is made once). */
    asked: askedKey === key,
    compute,
  };
}

export type TSnapshotJob = ReturnType<typeof useSnapshotJob>;
