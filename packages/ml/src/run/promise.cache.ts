/**
 * Loads by key, each made once and kept for the process's life, except one that fails: a rejected
 * promise is dropped, so the next call tries again (e.g. after a checksum mismatch) instead of
 * answering the old failure for ever.
 */
export class PromiseCache<K, V> {
  private readonly entries = new Map<K, Promise<V>>();

  /** The cached promise for `key`, or the one `load` starts now. */
  get(key: K, load: () => Promise<V>): Promise<V> {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = load();
      entry.catch(() => this.entries.delete(key));
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** The cached promise for `key`, without loading anything. */
  peek(key: K): Promise<V> | undefined {
    return this.entries.get(key);
  }
}
