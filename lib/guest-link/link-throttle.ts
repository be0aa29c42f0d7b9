import { createHash } from 'node:crypto';
import { and, eq, gte, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared } from '@/db/prepared';
import { loginThrottles } from '@/db/schema';

/**
 * Slows down and then refuses a client that tries many links that do not work. Kept in SQLite, in
 * the sign-in throttle's table under keys of their own (`link:` and a hash of the address), so a
 * restart does not forgive a guesser and the table never holds an address in the clear.
 */
export const LINK_LIMITS = { window: 10 * 60_000, slowAfter: 5, blockAfter: 20, block: 15 * 60_000, maxDelay: 1_000 };
export type LinkLimits = typeof LINK_LIMITS;

const PREFIX = 'link:';
const keyOf = (address: string) => PREFIX + createHash('sha256').update(address).digest('base64url');

// Asked before every link is shown: compiled once per connection.
const lockOf = (db: Db) =>
  db
    .select({ lockedUntil: loginThrottles.lockedUntil })
    .from(loginThrottles)
    .where(eq(loginThrottles.key, sql.placeholder('key')))
    .prepare();

export function linkBlocked(db: Db, address: string, now: Date): boolean {
  const row = prepared(db, lockOf).get({ key: keyOf(address) });
  return Boolean(row?.lockedUntil && row.lockedUntil > now);
}

/** Counts a miss and returns how long to wait before answering it. Run inside `write()`. */
export function recordLinkMiss(db: Db, address: string, now: Date, limits: LinkLimits = LINK_LIMITS): number {
  const key = keyOf(address);
  const t = now.getTime();
  const row = db.select().from(loginThrottles).where(eq(loginThrottles.key, key)).get();
  const fresh = !row || t - row.windowStartedAt.getTime() >= limits.window;
  const count = (fresh ? 0 : row.failures) + 1;
  const values = {
    failures: count,
    windowStartedAt: fresh ? now : row.windowStartedAt,
    lockedUntil: count >= limits.blockAfter ? new Date(t + limits.block) : (row?.lockedUntil ?? null),
  };
  db.insert(loginThrottles)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: loginThrottles.key, set: values })
    .run();
  forgetStale(db, now, limits);
  const over = count - limits.slowAfter;
  return over > 0 ? Math.min(limits.maxDelay, 100 * 2 ** (over - 1)) : 0;
}

/** Addresses whose window and block are both over count for nothing: their rows go (a key range, so indexed). */
function forgetStale(db: Db, now: Date, limits: LinkLimits): void {
  db.delete(loginThrottles)
    .where(
      and(
        gte(loginThrottles.key, PREFIX),
        lt(loginThrottles.key, 'link;'),
        lte(loginThrottles.windowStartedAt, new Date(now.getTime() - limits.window)),
        or(isNull(loginThrottles.lockedUntil), lte(loginThrottles.lockedUntil, now)),
      ),
    )
    .run();
}
