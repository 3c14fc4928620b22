/*
 * A run's live events are numbered by the API (`seq`, +1 per event of that run). A joined run's
 * socket remembers the last number it applied; each new event is checked against it here.
 */

export type TSeqDecision = 'apply' | 'skip' | 'catch-up';

/**
 * What to do with an event numbered `seq` when `last` was the last one applied.
 * - apply: the next one (or the first one seen, or an API that doesn't number events yet);
 * - skip: already applied (a duplicate after a catch-up answered it first);
 * - catch-up: events between were missed; ask GET /api/runs/:id/events?afterSeq=last.
 */
export function decideSeq(last: number | undefined, seq: number | undefined): TSeqDecision {
  if (seq === undefined || last === undefined) return 'apply';
  if (seq <= last) return 'skip';
  return seq === last + 1 ? 'apply' : 'catch-up';
}

/** An event waiting for the catch-up answer, with what applying it does. */
export interface THeldEvent {
  seq: number;
  apply: () => void;
}

/**
 * Applies held events in order after a catch-up answer brought the run to `last`: duplicates are
 * dropped, the ones that follow on are applied. Stops at the first gap; what is left (from the gap
 * on) is returned with the new last number, so the caller can catch up again.
 */
export function drainHeld(last: number, held: readonly THeldEvent[]): { last: number; rest: THeldEvent[] } {
  const sorted = [...held].sort((a, b) => a.seq - b.seq);
  let current = last;
  for (const [i, event] of sorted.entries()) {
    const decision = decideSeq(current, event.seq);
    if (decision === 'skip') continue;
    if (decision === 'catch-up') return { last: current, rest: sorted.slice(i) };
    event.apply();
    current = event.seq;
  }
  return { last: current, rest: [] };
}
