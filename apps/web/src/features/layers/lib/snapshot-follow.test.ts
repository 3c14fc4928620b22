import { describe, expect, it } from 'vitest';
import { pinForIndex, selectedSnapshotIndex } from './snapshot-follow';

describe('snapshot slider', () => {
  it('shows the newest snapshot by default, and nothing without snapshots', () => {
    expect(selectedSnapshotIndex([0, 100, 200], null)).toBe(2);
    expect(selectedSnapshotIndex([], null)).toBe(-1);
    expect(selectedSnapshotIndex([], 100)).toBe(-1);
  });

  it('follows a new snapshot while on the newest', () => {
    let steps = [0, 100];
    const pin = pinForIndex(steps, 1); // the user sits on the newest
    expect(pin).toBeNull();
    steps = [0, 100, 200];
    expect(selectedSnapshotIndex(steps, pin)).toBe(2);
  });

  it('stays on an older snapshot the user picked when a new one arrives', () => {
    let steps = [0, 100, 200];
    const pin = pinForIndex(steps, 1);
    expect(pin).toBe(100);
    steps = [0, 100, 200, 300];
    expect(selectedSnapshotIndex(steps, pin)).toBe(1);
  });

  it('follows again once the user drags back to the end', () => {
    const steps = [0, 100, 200];
    expect(pinForIndex(steps, 2)).toBeNull();
    expect(pinForIndex(steps, 99)).toBeNull();
    expect(pinForIndex(steps, -3)).toBe(0);
  });

  it('falls back to the closest earlier snapshot if the pinned one is gone', () => {
    expect(selectedSnapshotIndex([0, 100, 300], 200)).toBe(1);
    expect(selectedSnapshotIndex([100, 300], 50)).toBe(0);
  });
});
