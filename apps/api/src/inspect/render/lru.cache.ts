/**
 * A least-recently-used map bounded by the total cost of its entries (bytes of cached images, or
 * 1 per loaded model). Reading an entry makes it the most recent; adding one past the budget drops
 * the least recent ones, each handed to `onEvict` (a loaded model is disposed there). An entry
 * costing more than the whole budget is not kept.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, { value: V; cost: number }>();
  private total = 0;

  constructor(
    private readonly maxCost: number,
    private readonly onEvict: (value: V) => void = () => undefined,
  ) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Map keeps insertion order: re-inserting makes it the newest.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V, cost: number): void {
    this.delete(key);
    if (cost > this.maxCost) {
      this.onEvict(value);
      return;
    }
    this.entries.set(key, { value, cost });
    this.total += cost;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.maxCost) break;
      this.entries.delete(oldest);
      this.total -= entry.cost;
      this.onEvict(entry.value);
    }
  }

  delete(key: K): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.cost;
    this.onEvict(entry.value);
  }

  /** Drops every entry whose key matches (a deleted run's images). */
  deleteWhere(match: (key: K) => boolean): void {
    for (const key of [...this.entries.keys()]) if (match(key)) this.delete(key);
  }

  keys(): K[] {
    return [...this.entries.keys()];
  }

  get cost(): number {
    return this.total;
  }
}
