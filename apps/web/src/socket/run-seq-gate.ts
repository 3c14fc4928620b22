import type { TBusEvent, TRunEvents } from '@tensorscope/shared';
import { decideSeq, drainHeld, type THeldEvent } from './event-seq';

export interface TSeqGateDeps {
  /** GET /api/runs/:id/events?afterSeq=: what the run published after `afterSeq`. */
  fetchEvents(runId: string, afterSeq: number): Promise<TRunEvents>;
  /** Applies events fetched over REST (oldest first) to the query cache. */
  applyEvents(runId: string, events: readonly TBusEvent[]): void;
  /** Refetches all of the run's data: the missed events can't be had (pruned, too many, or the call failed). */
  resyncRun(runId: string): void;
}

/** Transport state of one joined run; not data (that lives in the query cache). */
interface TRunStream {
  /** Number of the last event applied; undefined until one arrives (the first one seen is the baseline). */
  last: number | undefined;
  /** Events that came while a catch-up call was out; applied in order once it answers. */
  held: THeldEvent[];
  /** The catch-up call whose answer counts (a reconnect starts a new one, and an older answer is dropped). */
  attempt: number;
  catchingUp: boolean;
}

export interface SeqGate {
  /** Starts checking a run's numbers (its room was joined). */
  track(runId: string): void;
  /** Stops (the room was left): its state goes, and a catch-up still out is ignored. */
  untrack(runId: string): void;
  /** Starts afresh for a run whose stream ended (deleted): nothing held, no baseline. */
  forget(runId: string): void;
  /**
   * An event arrived: `apply` runs now, later (after a catch-up) or never (a duplicate). Runs
   * not tracked (list-room events of runs the page didn't join) are applied at once: the list
   * room doesn't see every event of a run, so its numbers have gaps by design.
   */
  receive(runId: string, seq: number | undefined, apply: () => void): void;
  /**
   * After a (re)connect: runs with a known last number catch up over REST; their ids are returned
   * so the caller refetches everything else instead (runs with no number yet heal by refetching).
   */
  reconnect(): Set<string>;
  /** The socket closed: every stream goes, and answers still out are ignored. */
  clear(): void;
}

export function createSeqGate(deps: TSeqGateDeps): SeqGate {
  const streams = new Map<string, TRunStream>();
  const fresh = (): TRunStream => ({ last: undefined, held: [], attempt: 0, catchingUp: false });

  /** Gives up on the missed events: everything refetches, and what was held is covered by it. */
  const resync = (runId: string, stream: TRunStream, newest: number | undefined) => {
    // The refetch starts after every held event was stored, so it includes them all.
    stream.last = maxOf([newest, ...stream.held.map((e) => e.seq)]);
    stream.held = [];
    stream.catchingUp = false;
    deps.resyncRun(runId);
  };

  const catchUp = (runId: string, stream: TRunStream) => {
    const from = stream.last;
    if (from === undefined) return;
    const attempt = ++stream.attempt;
    stream.catchingUp = true;
    // Only the newest call of a stream still tracked may change it.
    const current = () => streams.get(runId) === stream && stream.attempt === attempt;
    deps.fetchEvents(runId, from).then(
      (answer) => {
        if (!current()) return;
        if (!answer.complete) return resync(runId, stream, answer.lastSeq);
        const missed = answer.events.filter((e): e is TBusEvent & { seq: number } => (seqOf(e) ?? 0) > from).sort((a, b) => a.seq - b.seq);
        // A complete answer holds every number up to lastSeq; one that doesn't (or numbers
        // that went back: the API's store was reset) can't be trusted.
        const contiguous = missed.every((e, i) => e.seq === from + 1 + i) && (missed.at(-1)?.seq ?? from) === answer.lastSeq;
        if (!contiguous || answer.lastSeq < from) {
          return resync(runId, stream, answer.lastSeq);
        }
        deps.applyEvents(runId, missed);
        const { last, rest } = drainHeld(Math.max(from, answer.lastSeq), stream.held);
        stream.last = last;
        stream.held = rest;
        stream.catchingUp = false;
        // Events were missed while the call was out: one more round.
        if (rest.length > 0) catchUp(runId, stream);
      },
      () => {
        if (current()) resync(runId, stream, undefined);
      },
    );
  };

  return {
    track(runId) {
      if (!streams.has(runId)) streams.set(runId, fresh());
    },
    untrack(runId) {
      streams.delete(runId);
    },
    forget(runId) {
      if (streams.has(runId)) streams.set(runId, fresh());
    },
    receive(runId, seq, apply) {
      const stream = streams.get(runId);
      if (!stream) return apply();
      if (stream.catchingUp) {
        if (seq === undefined) apply();
        else stream.held.push({ seq, apply });
        return;
      }
      switch (decideSeq(stream.last, seq)) {
        case 'skip':
          return;
        case 'apply':
          apply();
          if (seq !== undefined) stream.last = seq;
          return;
        case 'catch-up':
          stream.held.push({ seq: seq!, apply });
          catchUp(runId, stream);
          return;
      }
    },
    reconnect() {
      const caughtUp = new Set<string>();
      for (const [runId, stream] of streams) {
        if (stream.last === undefined) continue;
        caughtUp.add(runId);
        // A call still out may have read before the disconnect: a new one replaces it.
        catchUp(runId, stream);
      }
      return caughtUp;
    },
    clear() {
      streams.clear();
    },
  };
}

/** The largest of the known numbers, or undefined when none is. */
function maxOf(values: readonly (number | undefined)[]): number | undefined {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length > 0 ? Math.max(...known) : undefined;
}

/** An event's number; control signals (run.cancel, run.deleted) have none. */
const seqOf = (event: TBusEvent): number | undefined => ('seq' in event ? event.seq : undefined);
