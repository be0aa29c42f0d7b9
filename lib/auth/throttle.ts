import { createHash } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { loginThrottles } from '@/db/schema';

/** How failed sign-ins are slowed down and then refused for a while (never for good). */
export const THROTTLE = {
  window: 15 * 60_000,
  lock: 15 * 60_000,
  emailLimit: 5,
  addressLimit: 20,
  freeFailures: 2,
  maxDelay: 2_000,
} as const;

export type ThrottleKeys = { email: string; address: string };

/** Keys are hashed so that the table holds no email or IP address in the clear. */
export function throttleKeys(email: string, address: string): ThrottleKeys {
  const hash = (value: string) => createHash('sha256').update(value).digest('base64url');
  return { email: `email:${hash(email.trim().toLowerCase())}`, address: `addr:${hash(address)}` };
}

export type ThrottleState = { lockedUntil: Date | null; delayMs: number };

export function throttleState(db: Db, keys: ThrottleKeys, now: Date): ThrottleState {
  const rows = db
    .select()
    .from(loginThrottles)
    .where(inArray(loginThrottles.key, [keys.email, keys.address]))
    .all();
  let lockedUntil: Date | null = null;
  let failures = 0;
  for (const row of rows) {
    if (row.lockedUntil && row.lockedUntil > now && (!lockedUntil || row.lockedUntil > lockedUntil)) {
      lockedUntil = row.lockedUntil;
    }
    if (now.getTime() - row.windowStartedAt.getTime() < THROTTLE.window && row.key === keys.email) {
      failures = row.failures;
    }
  }
  const extra = failures - THROTTLE.freeFailures;
  const delayMs = extra > 0 ? Math.min(THROTTLE.maxDelay, 250 * 2 ** (extra - 1)) : 0;
  return { lockedUntil, delayMs };
}

export function recordLoginFailure(db: Db, keys: ThrottleKeys, now: Date): ThrottleState {
  const limits = { [keys.email]: THROTTLE.emailLimit, [keys.address]: THROTTLE.addressLimit };
  for (const key of [keys.email, keys.address]) {
    const row = db.select().from(loginThrottles).where(eq(loginThrottles.key, key)).get();
    const fresh = !row || now.getTime() - row.windowStartedAt.getTime() >= THROTTLE.window;
    const failures = (fresh ? 0 : row.failures) + 1;
    const locked = failures >= limits[key];
    const values = {
      failures: locked ? 0 : failures,
      windowStartedAt: fresh || locked ? now : row.windowStartedAt,
      lockedUntil: locked ? new Date(now.getTime() + THROTTLE.lock) : (row?.lockedUntil ?? null),
    };
    db.insert(loginThrottles)
      .values({ key, ...values })
      .onConflictDoUpdate({ target: loginThrottles.key, set: values })
      .run();
  }
  return throttleState(db, keys, now);
}

export function recordLoginSuccess(db: Db, keys: ThrottleKeys): void {
  db.delete(loginThrottles).where(eq(loginThrottles.key, keys.email)).run();
}
