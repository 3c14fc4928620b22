/**
 * Failed sign-ins counted per email and per client address over a sliding window. Past the
 * limit, sign-in is refused without checking the password (so guessing stops paying off) until
 * the oldest failure leaves the window. In memory: one API process; a restart forgets, which
 * only gives an attacker one more window.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly perEmail: number,
    private readonly perAddress: number,
    private readonly windowMs: number,
  ) {}

  /** Seconds until a sign-in for this email from this address may be tried again; 0 = now. */
  retryAfter(email: string, address: string, now = Date.now()): number {
    const wait = (key: string, limit: number) => {
      const recent = this.recent(key, now);
      return recent.length >= limit ? Math.ceil((recent[0]! + this.windowMs - now) / 1000) : 0;
    };
    return Math.max(wait(`e:${email}`, this.perEmail), wait(`a:${address}`, this.perAddress));
  }

  fail(email: string, address: string, now = Date.now()): void {
    for (const key of [`e:${email}`, `a:${address}`]) this.failures.set(key, [...this.recent(key, now), now]);
    // Bounded memory under a flood of distinct emails: drop keys whose failures all expired.
    if (this.failures.size > 10_000)
      for (const k of [...this.failures.keys()]) if (this.recent(k, now).length === 0) this.failures.delete(k);
  }

  /** A successful sign-in clears that email's failures (not the address's: one good account must not unlock guessing others). */
  succeed(email: string): void {
    this.failures.delete(`e:${email}`);
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }
}
