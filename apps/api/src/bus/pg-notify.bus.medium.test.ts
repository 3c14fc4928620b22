import type { TBusEvent } from '@tensorscope/shared';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PgNotifyBus } from './pg-notify.bus';

// A run's events published together get the next sequence numbers in order, are kept, and
// arrive at a listener in that order after any published before them.
describe('PgNotifyBus.publishRunEvents', () => {
  const url = inject('databaseUrl');
  const bus = new PgNotifyBus(url);
  const db = new Client({ connectionString: url });
  let runId = '';

  beforeAll(async () => {
    await db.connect();
    const found = await db.query<{ id: string }>(
      `INSERT INTO "Run" (id, name, model, config, status) VALUES (gen_random_uuid(), 'bus-test', 'lstm', '{}', 'cancelled') RETURNING id`,
    );
    runId = found.rows[0]!.id;
    await bus.ready();
  });
  afterAll(async () => {
    await db.query(`DELETE FROM "Run" WHERE id = $1`, [runId]);
    await db.end();
    await bus.close();
  });

  const scalars = (step: number): TBusEvent => ({
    type: 'run.scalars',
    runId,
    points: [{ tag: 'train/loss', step, wallTime: step, value: 1 }],
  });

  it('numbers, keeps and delivers a batch in order, after a single event', async () => {
    const got: TBusEvent[] = [];
    const off = bus.subscribe((e) => {
      if ('runId' in e && e.runId === runId) got.push(e);
    });
    try {
      await bus.publish(scalars(1));
      await bus.publishRunEvents(runId, [scalars(2), scalars(3), scalars(4)]);
      await bus.publishRunEvents(runId, []);
      await expect.poll(() => got.length).toBe(4);
      expect(got.map((e) => ('seq' in e ? e.seq : undefined))).toEqual([1, 2, 3, 4]);
      expect(got.map((e) => (e.type === 'run.scalars' ? e.points[0]!.step : 0))).toEqual([1, 2, 3, 4]);
      const kept = await db.query<{ seq: number; step: number }>(
        `SELECT seq, (event -> 'points' -> 0 ->> 'step')::int AS step FROM "RunEvent" WHERE "runId" = $1 ORDER BY seq`,
        [runId],
      );
      expect(kept.rows).toEqual([1, 2, 3, 4].map((n) => ({ seq: n, step: n })));
      const counter = await db.query<{ eventSeq: number }>(`SELECT "eventSeq" FROM "Run" WHERE id = $1`, [runId]);
      expect(counter.rows[0]!.eventSeq).toBe(4);
    } finally {
      off();
    }
  });

  it('refuses events of another run or unsequenced ones, and sends none of the batch', async () => {
    const other = { ...scalars(9), runId: '00000000-0000-4000-8000-000000000000' } as TBusEvent;
    await expect(bus.publishRunEvents(runId, [scalars(5), other])).rejects.toThrow('sequenced events of run');
    await expect(bus.publishRunEvents(runId, [{ type: 'run.cancel', runId }])).rejects.toThrow('got run.cancel');
    const counter = await db.query<{ eventSeq: number }>(`SELECT "eventSeq" FROM "Run" WHERE id = $1`, [runId]);
    expect(counter.rows[0]!.eventSeq).toBe(4);
  });

  it('delivers a subscriber only the event types it asked for, in order with the rest', async () => {
    const all: string[] = [];
    const cancels: string[] = [];
    const offAll = bus.subscribe((e) => {
      if ('runId' in e && e.runId === runId) all.push(e.type);
    });
    const offCancels = bus.subscribe(
      (e) => {
        if ('runId' in e && e.runId === runId) cancels.push(e.type);
      },
      new Set(['run.cancel']),
    );
    try {
      await bus.publishRunEvents(runId, [scalars(5)]);
      await bus.publish({ type: 'run.cancel', runId });
      await expect.poll(() => all).toEqual(['run.scalars', 'run.cancel']);
      expect(cancels).toEqual(['run.cancel']);
    } finally {
      offAll();
      offCancels();
    }
  });
});
