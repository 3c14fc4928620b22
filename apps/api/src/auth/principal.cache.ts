import type { TPrincipal } from './principal';

/** How long a resolved credential is trusted without asking the database again. */
export const PRINCIPAL_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  principal: TPrincipal;
  until: number;
}

/**
 * Credentials (by hash) resolved recently, so a client polling the API costs no database round
 * trips for its token or session on every request (measured: three Prisma queries per GET). An
 * entry lives PRINCIPAL_CACHE_MS at most (less when the session expires sooner), and every
 * revocation (logout, revoked token, disabled user, new role or password) drops its entries at
 * once in this process and, through the bus's auth.revoked, in every other one; a bus outage
 * leaves at most PRINCIPAL_CACHE_MS of staleness.
 * A lookup that started before a revocation cannot store what it read: `epoch` counts drops.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();
  private epochValue = 0;

  /** Changes whenever anything is dropped; pass the value read before a lookup to `set`. */
  get epoch(): number {
    return this.epochValue;
  }

  get(key: string, now: number): TPrincipal | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.until <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.principal;
  }

  /** Stores a principal until `until` (capped at PRINCIPAL_CACHE_MS from now), unless something was revoked since `epoch`. */
  set(key: string, principal: TPrincipal, now: number, until: number, epoch: number): void {
    if (epoch !== this.epochValue) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { principal, until: Math.min(until, now + PRINCIPAL_CACHE_MS) });
  }

  /** Drops every entry of this user or credential. */
  drop(which: { userId?: string | undefined; tokenId?: string | undefined; sessionId?: string | undefined }): void {
    this.epochValue++;
    for (const [key, { principal }] of this.entries)
      if (principal.user.id === which.userId || principal.credentialId === which.tokenId || principal.credentialId === which.sessionId)
        this.entries.delete(key);
  }
}
