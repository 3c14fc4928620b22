'use client';

import { useState } from 'react';
import { useSnapshots } from '../../layers/hooks/use-layer-queries';
import { pinForIndex, selectedSnapshotIndex, type TSnapshotPin } from '../../layers/lib/snapshot-follow';

/**
 * The weight snapshot a tab of snapshot jobs (Visualize, Evaluate) shows: the newest one, following
 * new ones while the run trains (as the Layers slider does), until the user picks an older one.
 */
export function useSnapshotChoice(runId: string) {
  const snapshots = useSnapshots(runId);
  // null = the newest snapshot.
  const [pin, setPin] = useState<TSnapshotPin>(null);
  const list = snapshots.data?.snapshots ?? [];
  const steps = list.map((s) => s.step);
  const index = selectedSnapshotIndex(steps, pin);
  return {
    snapshots,
    list,
    steps,
    index,
    snapshot: list[index],
    following: pin === null,
    pick: (i: number) => setPin(pinForIndex(steps, i)),
    /** Shows the snapshot at `step` (a link into the tab names one). */
    pinStep: (step: number) => setPin(step),
  };
}

export type TSnapshotChoice = ReturnType<typeof useSnapshotChoice>;
