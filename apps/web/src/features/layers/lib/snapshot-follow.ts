/*
 * Which stored snapshot the filter viewer shows. `pin` is the step the user chose, or null
 * for "the newest": while null, a snapshot arriving live moves the view along with it; once
 * the user drags back in time the view stays put until they drag to the end again.
 */
export type TSnapshotPin = number | null;

/** Index into `steps` (ascending) to show, or -1 when there are none. */
export function selectedSnapshotIndex(steps: readonly number[], pin: TSnapshotPin): number {
  if (steps.length === 0) return -1;
  if (pin === null) return steps.length - 1;
  const exact = steps.indexOf(pin);
  if (exact !== -1) return exact;
  // The pinned snapshot is gone (the list was replaced): show the closest one before it.
  let index = 0;
  for (let i = 0; i < steps.length; i++) if (steps[i]! <= pin) index = i;
  return index;
}

/** What moving the slider to `index` means: the last position follows new snapshots. */
export function pinForIndex(steps: readonly number[], index: number): TSnapshotPin {
  if (index >= steps.length - 1) return null;
  return steps[Math.max(0, index)] ?? null;
}
