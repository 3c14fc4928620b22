import { describe, expect, it, vi } from 'vitest';
import { createHoverStore } from './compare-hover-store';

describe('createHoverStore', () => {
  it('notifies on changes only', () => {
    const store = createHoverStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.set({ tag: 'a', x: 1 });
    store.set({ tag: 'a', x: 1 });
    expect(listener).toHaveBeenCalledTimes(1);
    store.set({ tag: 'a', x: 2 });
    store.set(null);
    store.set(null);
    expect(listener).toHaveBeenCalledTimes(3);
    expect(store.get()).toBeNull();
    unsubscribe();
    store.set({ tag: 'b', x: 0 });
    expect(listener).toHaveBeenCalledTimes(3);
  });
});
