import { createHash } from 'node:crypto';

/**
 * Slows down and then refuses a client that tries many links that do not work. Kept in memory: one
 * process serves the app, and a restart forgiving a guesser costs nothing (tokens have 256 bits).
 */
export class LinkThrottle {
  private misses = new Map<string, { count: number; since: number; blockedUntil: number }>();

  constructor(
    private readonly limits = { window: 10 * 60_000, slowAfter: 5, blockAfter: 20, block: 15 * 60_000, maxDelay: 1_000, maxClients: 10_000 },
  ) {}

  private key(address: string) {
    return createHash('sha256').update(address).digest('base64url');
  }

  isBlocked(address: string, now: Date): boolean {
    return (this.misses.get(this.key(address))?.blockedUntil ?? 0) > now.getTime();
  }

  /** Counts a miss and returns how long to wait before answering it. */
  recordMiss(address: string, now: Date): number {
    const key = this.key(address);
    const t = now.getTime();
    const entry = this.misses.get(key);
    const fresh = !entry || t - entry.since >= this.limits.window;
    const count = (fresh ? 0 : entry.count) + 1;
    const blockedUntil = count >= this.limits.blockAfter ? t + this.limits.block : (entry?.blockedUntil ?? 0);
    if (this.misses.size >= this.limits.maxClients && !entry) this.prune(t);
    this.misses.set(key, { count, since: fresh ? t : entry.since, blockedUntil });
    const over = count - this.limits.slowAfter;
    return over > 0 ? Math.min(this.limits.maxDelay, 100 * 2 ** (over - 1)) : 0;
  }

  private prune(t: number) {
    for (const [key, entry] of this.misses) {
      if (t - entry.since >= this.limits.window && entry.blockedUntil <= t) this.misses.delete(key);
    }
    if (this.misses.size >= this.limits.maxClients) this.misses.clear();
  }
}

const cache = globalThis as unknown as { waystationLinkThrottle?: LinkThrottle };
export const linkThrottle = (cache.waystationLinkThrottle ??= new LinkThrottle());
