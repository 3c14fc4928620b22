import { describe, expect, it } from 'vitest';
import { LruCache } from './lru.cache';

describe('LruCache', () => {
  it('drops the least recently used entries past its cost budget, handing each to onEvict', () => {
    const evicted: string[] = [];
    const cache = new LruCache<string, string>(10, (v) => evicted.push(v));
    cache.set('a', 'A', 4);
    cache.set('b', 'B', 4);
    expect(cache.get('a')).toBe('A'); // a is now the newest
    cache.set('c', 'C', 4);
    expect(evicted).toEqual(['B']);
    expect(cache.keys()).toEqual(['a', 'c']);
    expect(cache.cost).toBe(8);
  });

  it('keeps nothing costing more than the whole budget, and replaces an entry under the same key', () => {
    const evicted: string[] = [];
    const cache = new LruCache<string, string>(10, (v) => evicted.push(v));
    cache.set('big', 'BIG', 11);
    expect(cache.get('big')).toBeUndefined();
    cache.set('a', 'A1', 3);
    cache.set('a', 'A2', 5);
    expect(cache.get('a')).toBe('A2');
    expect(cache.cost).toBe(5);
    expect(evicted).toEqual(['BIG', 'A1']);
  });

  it('deletes by key prefix (a deleted run)', () => {
    const cache = new LruCache<string, number>(100);
    cache.set('r1/4/a', 1, 1);
    cache.set('r2/4/a', 2, 1);
    cache.set('r1/8/b', 3, 1);
    cache.deleteWhere((k) => k.startsWith('r1/'));
    expect(cache.keys()).toEqual(['r2/4/a']);
    expect(cache.cost).toBe(1);
  });
});
