import type { Db } from '@/db';
import { checkLimit, clearHits, RATE_LIMITS, recordHit, type CountedLimit } from '@/lib/security/rate-limits';

/**
 * The counters one attempt answers to (RATE_LIMITS' `signIn.*`). A browser with a device cookie for
 * the email (see device-cookie.ts) answers only to its own (`device`), after the same 5 failures;
 * every other attempt to the email's counter for untrusted clients and to its address's, as before
 * device cookies. What is counted is hashed before it is stored (lib/security/rate-limits.ts).
 */
export type ThrottleKeys = { email: string; address: string; device: string | null };

export function throttleKeys(email: string, address: string, deviceNonce: string | null = null): ThrottleKeys {
  return { email: email.trim().toLowerCase(), address, device: deviceNonce };
}

/** The first counter is the one whose failures slow the next attempt down. */
function counters(keys: ThrottleKeys): { limit: CountedLimit; subject: string }[] {
  if (keys.device) return [{ limit: RATE_LIMITS['signIn.device'], subject: keys.device }];
  return [
    { limit: RATE_LIMITS['signIn.email'], subject: keys.email },
    { limit: RATE_LIMITS['signIn.address'], subject: keys.address },
  ];
}

export type ThrottleState = { lockedUntil: Date | null; delayMs: number };

export function throttleState(db: Db, keys: ThrottleKeys, now: Date): ThrottleState {
  const [first, ...rest] = counters(keys).map(({ limit, subject }) => checkLimit(db, limit, subject, now));
  let lockedUntil: Date | null = null;
  for (const { until } of [first, ...rest]) if (until && (!lockedUntil || until > lockedUntil)) lockedUntil = until;
  return { lockedUntil, delayMs: first.delayMs };
}

export function recordLoginFailure(db: Db, keys: ThrottleKeys, now: Date): ThrottleState {
  for (const { limit, subject } of counters(keys)) recordHit(db, limit, subject, now);
  return throttleState(db, keys, now);
}

/**
 * Forgets the failures of the counter the attempt answered to. A trusted browser's success leaves
 * the email's lock for untrusted clients in place: a stranger still guessing stays locked out.
 */
export function recordLoginSuccess(db: Db, keys: ThrottleKeys): void {
  const [first] = counters(keys);
  clearHits(db, first.limit, first.subject);
}
