import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPARE_STATE, parseCompareState } from './compare-url';
import { compareUrlKey, createUrlWriter, ownAfterChange, ownAfterUrl, type THistoryMode } from './compare-url-sync';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const base = { ...DEFAULT_COMPARE_STATE, runs: [A, B] };

describe('compareUrlKey', () => {
  it('spells the query as URLSearchParams does, so it matches what useSearchParams reads back', () => {
    const state = { ...base, y: 'log' as const, tags: ['train/loss'] };
    const key = compareUrlKey(state);
    expect(key).toBe(new URLSearchParams(key).toString());
    expect(parseCompareState(new URLSearchParams(key))).toEqual(state);
  });
});

describe('own state against the URL', () => {
  const log = { ...base, y: 'log' as const };
  const logRelative = { ...log, x: 'relative' as const };
  const urlBefore = compareUrlKey(base);

  it('keeps the very state object once the URL caught up, and forgets the keys written before', () => {
    const own = ownAfterChange(null, log);
    expect(urlBefore).not.toBe(own.key);
    const caught = ownAfterUrl(own, compareUrlKey(log))!;
    expect(caught.state).toBe(log);
    expect([...caught.written]).toEqual([compareUrlKey(log)]);
    const next = ownAfterChange(caught, logRelative);
    // The URL going back to `base` later is not one of this view's writes any more.
    expect(ownAfterUrl(next, urlBefore)).toBeNull();
  });

  it('stays ahead while the URL passes through an earlier write of this view', () => {
    const own = ownAfterChange(ownAfterChange(null, log), logRelative);
    expect(ownAfterUrl(own, compareUrlKey(log))).toBe(own);
    expect(ownAfterUrl(own, compareUrlKey(logRelative))?.state).toBe(logRelative);
  });

  it('gives way to a URL this view did not write (a link)', () => {
    const own = ownAfterChange(null, log);
    expect(ownAfterUrl(own, compareUrlKey({ ...base, runs: [A] }))).toBeNull();
    expect(ownAfterUrl(null, urlBefore)).toBeNull();
  });
});

describe('createUrlWriter', () => {
  const setup = () => {
    const writes: [string, THistoryMode][] = [];
    const ticks: (() => void)[] = [];
    const writer = createUrlWriter(
      (url, mode) => writes.push([url, mode]),
      (flush) => ticks.push(flush),
    );
    const tick = () => ticks.splice(0).forEach((f) => f());
    return { writes, writer, tick, ticks };
  };

  it('writes nothing until the tick, then the newest URL once', () => {
    const { writes, writer, tick, ticks } = setup();
    writer.write('/compare?a', 'replace');
    writer.write('/compare?b', 'replace');
    expect(writes).toEqual([]);
    expect(ticks).toHaveLength(1);
    tick();
    expect(writes).toEqual([['/compare?b', 'replace']]);
    writer.write('/compare?c', 'replace');
    tick();
    expect(writes.at(-1)).toEqual(['/compare?c', 'replace']);
  });

  it('keeps a push among coalesced writes a push', () => {
    const { writes, writer, tick } = setup();
    writer.write('/compare?x=relative', 'push');
    writer.write('/compare?x=relative&smoothing=0.9', 'replace');
    tick();
    expect(writes).toEqual([['/compare?x=relative&smoothing=0.9', 'push']]);
  });

  it('drops a pending write on cancel (Back pressed, page left)', () => {
    const { writes, writer, tick } = setup();
    writer.write('/compare?a', 'push');
    writer.cancel();
    tick();
    expect(writes).toEqual([]);
    writer.write('/compare?b', 'replace');
    tick();
    expect(writes).toEqual([['/compare?b', 'replace']]);
  });
});
