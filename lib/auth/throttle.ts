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

/**
 * The counters one attempt answers to. A browser with a device cookie for the email (see
 * device-cookie.ts) answers only to its own (`device`), after the same 5 failures; every other
 * attempt to the email's counter for untrusted clients and to its address's, as before device cookies.
 */
export type ThrottleKeys = { email: string; address: string; device: string | null };

const hash = (value: string) => createHash('sha256').update(value).digest('base64url');

/** Keys are hashed so that the table holds no email, IP address or cookie nonce in the clear. */
export function throttleKeys(email: string, address: string, deviceNonce: string | null = null): ThrottleKeys {
  return {
    email: `email:${hash(email.trim().toLowerCase())}`,
    address: `addr:${hash(address)}`,
    device: deviceNonce ? `device:${hash(deviceNonce)}` : null,
  };
}

/** The first counter is the one whose failures slow the next attempt down. */
function counters(keys: ThrottleKeys): { key: string; limit: number }[] {
  if (keys.device) return [{ key: keys.device, limit: THROTTLE.emailLimit }];
  return [
    { key: keys.email, limit: THROTTLE.emailLimit },
    { key: keys.address, limit: THROTTLE.addressLimit },
  ];
}

export type ThrottleState = { lockedUntil: Date | null; delayMs: number };

export function throttleState(db: Db, keys: ThrottleKeys, now: Date): ThrottleState {
  const [first, ...rest] = counters(keys).map(({ key }) => key);
  const rows = db
    .select()
    .from(loginThrottles)
    .where(inArray(loginThrottles.key, [first, ...rest]))
    .all();
  let lockedUntil: Date | null = null;
  let failures = 0;
  for (const row of rows) {
    if (row.lockedUntil && row.lockedUntil > now && (!lockedUntil || row.lockedUntil > lockedUntil)) {
      lockedUntil = row.lockedUntil;
    }
    if (now.getTime() - row.windowStartedAt.getTime() < THROTTLE.window && row.key === first) {
      failures = row.failures;
    }
  }
  const extra = failures - THROTTLE.freeFailures;
  const delayMs = extra > 0 ? Math.min(THROTTLE.maxDelay, 250 * 2 ** (extra - 1)) : 0;
  return { lockedUntil, delayMs };
}

export function recordLoginFailure(db: Db, keys: ThrottleKeys, now: Date): ThrottleState {
  for (const { key, limit } of counters(keys)) {
    const row = db.select().from(loginThrottles).where(eq(loginThrottles.key, key)).get();
    const fresh = !row || now.getTime() - row.windowStartedAt.getTime() >= THROTTLE.window;
    const failures = (fresh ? 0 : row.failures) + 1;
    const locked = failures >= limit;
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

/**
 * Forgets the failures of the counter the attempt answered to. A trusted browser's success leaves
 * the email's lock for untrusted clients in place: a stranger still guessing stays locked out.
 */
export function recordLoginSuccess(db: Db, keys: ThrottleKeys): void {
  db.delete(loginThrottles)
    .where(eq(loginThrottles.key, keys.device ?? keys.email))
    .run();
}
