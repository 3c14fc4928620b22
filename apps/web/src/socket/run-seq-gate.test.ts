import type { TBusEvent, TRunEvents } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import { createSeqGate } from './run-seq-gate';

/** A gate whose REST calls wait until the test answers them, recording what it applied. */
function setup() {
  const calls: { runId: string; afterSeq: number; resolve: (answer: TRunEvents) => void; reject: (error: Error) => void }[] = [];
  const applied: string[] = [];
  const resynced: string[] = [];
  const gate = createSeqGate({
    fetchEvents: (runId, afterSeq) => new Promise((resolve, reject) => calls.push({ runId, afterSeq, resolve, reject })),
    applyEvents: (runId, events) => applied.push(...events.map((e) => `${runId}:rest:${'seq' in e ? e.seq : '?'}`)),
    resyncRun: (runId) => resynced.push(runId),
  });
  const live = (runId: string, seq: number | undefined) => gate.receive(runId, seq, () => applied.push(`${runId}:live:${seq}`));
  return { gate, calls, applied, resynced, live };
}

const progress = (seq: number): TBusEvent => ({
  type: 'run.progress',
  runId: 'r1',
  progress: { epoch: 1, epochs: 1, step: seq, totalSteps: 100, imagesPerSec: 1, etaSeconds: null },
  seq,
});
const answer = (seqs: number[], lastSeq = seqs.at(-1) ?? 0, complete = true): TRunEvents => ({
  events: seqs.map(progress),
  lastSeq,
  complete,
});
/** Lets the gate's promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createSeqGate', () => {
  it('applies runs it does not track at once, numbers or not (list-room events)', () => {
    const { applied, calls, live } = setup();
    live('r9', 3);
    live('r9', 30);
    expect(applied).toEqual(['r9:live:3', 'r9:live:30']);
    expect(calls).toEqual([]);
  });

  it('applies consecutive events and skips duplicates', () => {
    const { gate, applied, calls, live } = setup();
    gate.track('r1');
    live('r1', 4);
    live('r1', 5);
    live('r1', 5);
    live('r1', 3);
    expect(applied).toEqual(['r1:live:4', 'r1:live:5']);
    expect(calls).toEqual([]);
  });

  it('on a gap, fetches what was missed, applies it in order, then the held events', async () => {
    const { gate, applied, calls, live } = setup();
    gate.track('r1');
    live('r1', 4);
    live('r1', 7); // 5 and 6 were missed
    live('r1', 8); // arrives while the catch-up is out: held
    expect(calls.map((c) => [c.runId, c.afterSeq])).toEqual([['r1', 4]]);
    calls[0]!.resolve(answer([5, 6, 7]));
    await settle();
    expect(applied).toEqual(['r1:live:4', 'r1:rest:5', 'r1:rest:6', 'r1:rest:7', 'r1:live:8']);
    live('r1', 9);
    expect(applied.at(-1)).toBe('r1:live:9');
    expect(calls).toHaveLength(1);
  });

  it('ignores events of the answer that were already applied', async () => {
    const { gate, applied, calls, live } = setup();
    gate.track('r1');
    live('r1', 4);
    live('r1', 6);
    calls[0]!.resolve(answer([3, 4, 5, 6]));
    await settle();
    expect(applied).toEqual(['r1:live:4', 'r1:rest:5', 'r1:rest:6']);
  });

  it('refetches the run when the answer is incomplete, and goes on from its newest number', async () => {
    const { gate, applied, calls, resynced, live } = setup();
    gate.track('r1');
    live('r1', 4);
    live('r1', 900);
    calls[0]!.resolve(answer([], 905, false));
    await settle();
    expect(resynced).toEqual(['r1']);
    expect(applied).toEqual(['r1:live:4']);
    live('r1', 905);
    live('r1', 906);
    expect(applied).toEqual(['r1:live:4', 'r1:live:906']);
  });

  it('refetches the run when the catch-up call fails', async () => {
    const { gate, calls, resynced, applied, live } = setup();
    gate.track('r1');
    live('r1', 4);
    live('r1', 8);
    calls[0]!.reject(new Error('down'));
    await settle();
    expect(resynced).toEqual(['r1']);
    // The refetch covers what was held: the next event follows on from it.
    live('r1', 9);
    expect(applied).toEqual(['r1:live:4', 'r1:live:9']);
  });

  it('catches up again when events were missed while the call was out', async () => {
    const { gate, applied, calls, live } = setup();
    gate.track('r1');
    live('r1', 1);
    live('r1', 3);
    live('r1', 6); // 4 and 5 missed after the call read up to 3
    calls[0]!.resolve(answer([2, 3]));
    await settle();
    expect(applied).toEqual(['r1:live:1', 'r1:rest:2', 'r1:rest:3']);
    expect(calls.map((c) => c.afterSeq)).toEqual([1, 3]);
    calls[1]!.resolve(answer([4, 5, 6]));
    await settle();
    expect(applied).toEqual(['r1:live:1', 'r1:rest:2', 'r1:rest:3', 'r1:rest:4', 'r1:rest:5', 'r1:rest:6']);
  });

  it('refetches instead of trusting a complete answer that lacks numbers', async () => {
    const { gate, calls, resynced, live } = setup();
    gate.track('r1');
    live('r1', 1);
    live('r1', 4);
    calls[0]!.resolve(answer([2], 4)); // says it is complete up to 4, yet lacks 3
    await settle();
    expect(resynced).toEqual(['r1']);
    expect(calls).toHaveLength(1);
  });

  it('on reconnect, catches up the runs with a known number and names them; the others are left to refetch', async () => {
    const { gate, applied, calls, live } = setup();
    gate.track('r1');
    gate.track('r2');
    live('r1', 10);
    expect([...gate.reconnect()]).toEqual(['r1']);
    expect(calls.map((c) => [c.runId, c.afterSeq])).toEqual([['r1', 10]]);
    calls[0]!.resolve(answer([11, 12]));
    await settle();
    expect(applied).toEqual(['r1:live:10', 'r1:rest:11', 'r1:rest:12']);
    // r2 had no number yet: its first event is the baseline.
    live('r2', 50);
    expect(applied.at(-1)).toBe('r2:live:50');
  });

  it('drops the answer of a call a reconnect replaced', async () => {
    const { gate, applied, calls, live } = setup();
    gate.track('r1');
    live('r1', 1);
    live('r1', 3);
    gate.reconnect();
    calls[1]!.resolve(answer([2, 3, 4]));
    await settle();
    calls[0]!.resolve(answer([2, 3]));
    await settle();
    expect(applied).toEqual(['r1:live:1', 'r1:rest:2', 'r1:rest:3', 'r1:rest:4']);
  });

  it('ignores answers for runs no longer tracked, or forgotten (deleted)', async () => {
    const { gate, applied, calls, resynced, live } = setup();
    gate.track('r1');
    gate.track('r2');
    live('r1', 1);
    live('r1', 3);
    live('r2', 1);
    live('r2', 3);
    gate.untrack('r1');
    gate.forget('r2');
    calls[0]!.resolve(answer([2, 3]));
    calls[1]!.reject(new Error('404'));
    await settle();
    expect(applied).toEqual(['r1:live:1', 'r2:live:1']);
    expect(resynced).toEqual([]);
    // A forgotten run is still tracked, afresh: its next event is a new baseline.
    live('r2', 7);
    expect(applied.at(-1)).toBe('r2:live:7');
  });

  it('applies events without a number at once, even during a catch-up', () => {
    const { gate, applied, live } = setup();
    gate.track('r1');
    live('r1', 1);
    live('r1', 5);
    live('r1', undefined);
    expect(applied).toEqual(['r1:live:1', 'r1:live:undefined']);
  });
});
