import { describe, expect, it } from 'vitest';
import type { TPrincipal } from './principal';
import { PRINCIPAL_CACHE_MS, PrincipalCache } from './principal.cache';

const principal = (userId: string, credentialId: string): TPrincipal => ({
  user: { id: userId, email: `${userId}@x`, role: 'viewer' },
  via: 'token',
  credentialId,
});

describe('PrincipalCache', () => {
  it('keeps a principal at most PRINCIPAL_CACHE_MS, or until its session expires', () => {
    const cache = new PrincipalCache();
    cache.set('a', principal('u1', 't1'), 0, Number.POSITIVE_INFINITY, cache.epoch);
    cache.set('b', principal('u2', 's1'), 0, 1_000, cache.epoch);
    expect(cache.get('a', PRINCIPAL_CACHE_MS - 1)?.credentialId).toBe('t1');
    expect(cache.get('a', PRINCIPAL_CACHE_MS)).toBeUndefined();
    expect(cache.get('b', 999)?.credentialId).toBe('s1');
    expect(cache.get('b', 1_000)).toBeUndefined();
  });

  it('drops by user or credential, and refuses to store a lookup that started before a drop', () => {
    const cache = new PrincipalCache();
    cache.set('a', principal('u1', 't1'), 0, 10_000, cache.epoch);
    cache.set('b', principal('u1', 't2'), 0, 10_000, cache.epoch);
    cache.set('c', principal('u2', 't3'), 0, 10_000, cache.epoch);
    cache.drop({ tokenId: 't3' });
    expect(cache.get('c', 1)).toBeUndefined();
    expect(cache.get('a', 1)).toBeDefined();
    cache.drop({ userId: 'u1' });
    expect([cache.get('a', 1), cache.get('b', 1)]).toEqual([undefined, undefined]);
    const before = cache.epoch;
    cache.drop({ sessionId: 'elsewhere' });
    cache.set('a', principal('u1', 't1'), 2, 10_000, before);
    expect(cache.get('a', 3)).toBeUndefined();
  });
});
