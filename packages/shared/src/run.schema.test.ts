import { describe, expect, it } from 'vitest';
import { ZRunIdParam, ZRunListQuery } from './run.schema';
import { ZScalarQuery } from './scalar.schema';
import { ZBusEvent } from './events.schema';

describe('query schemas', () => {
  it('coerce query strings and apply paging defaults', () => {
    expect(ZRunListQuery.parse({})).toEqual({ archived: 'exclude', page: 1, pageSize: 20 });
    expect(ZRunListQuery.parse({ page: '3', pageSize: '50', status: 'running' })).toEqual({
      archived: 'exclude',
      page: 3,
      pageSize: 50,
      status: 'running',
    });
  });

  it('refuse out-of-range paging and unknown statuses', () => {
    expect(ZRunListQuery.safeParse({ page: '0' }).success).toBe(false);
    expect(ZRunListQuery.safeParse({ pageSize: '201' }).success).toBe(false);
    expect(ZRunListQuery.safeParse({ page: 'x' }).success).toBe(false);
    expect(ZRunListQuery.safeParse({ status: 'paused' }).success).toBe(false);
  });

  it('take slash-separated tags and refuse anything path-like or odd', () => {
    expect(ZScalarQuery.parse({ tag: 'test/accuracy', afterStep: '10' })).toEqual({ tag: 'test/accuracy', afterStep: 10, smoother: 'ema' });
    expect(ZScalarQuery.parse({ tag: 'train/loss', smoothing: '0.6', buckets: '100' })).toMatchObject({ smoothing: 0.6, buckets: 100 });
    expect(ZScalarQuery.safeParse({ tag: 'train/loss', smoothing: '1' }).success).toBe(false);
    expect(ZScalarQuery.safeParse({ tag: 'train/loss', smoother: 'lowess' }).success).toBe(false);
    expect(ZScalarQuery.parse({ tag: 'weights/conv1/kernel/std' }).tag).toBe('weights/conv1/kernel/std');
    for (const tag of ['', '/loss', 'loss/', 'a//b', 'a/b c', '../etc', 'a/./b', 'x'.repeat(201), "a'; drop"]) {
      expect(ZScalarQuery.safeParse({ tag }).success).toBe(false);
    }
  });

  it('accept only UUID run ids', () => {
    expect(ZRunIdParam.safeParse({ id: '5f0c6a36-5d5e-4a56-9c43-0c0f6f1b8b11' }).success).toBe(true);
    expect(ZRunIdParam.safeParse({ id: '42' }).success).toBe(false);
  });

  it('parse bus events by type', () => {
    expect(ZBusEvent.parse({ type: 'run.cancel', runId: 'r' })).toEqual({ type: 'run.cancel', runId: 'r' });
    expect(ZBusEvent.safeParse({ type: 'run.exploded', runId: 'r' }).success).toBe(false);
  });
});
