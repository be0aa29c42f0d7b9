import { createHash } from 'node:crypto';
import { and, count, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '@/db';
import { requestAttempts } from '@/db/schema';

/** At most this many requests for a place from one address in the window. */
export const REQUESTS_PER_ADDRESS = 3;
export const REQUEST_WINDOW_MS = 60 * 60_000;

export type RequestRefusal = 'tooManyFromYou' | 'networkBusy';

/** The table holds no address in the clear. */
export const requestClientKey = (address: string) => createHash('sha256').update(`request:${address}`).digest('base64url');

/**
 * Whether one more request may be taken now: from this address (a few an hour), and across the
 * network (the admin's ceiling per hour; 0 closes the form). Read inside the write transaction that
 * would record the request, so two requests at once cannot both take the last place.
 */
export function requestRefusal(db: Db, clientKey: string, ceilingPerHour: number, now: Date): RequestRefusal | null {
  const since = new Date(now.getTime() - REQUEST_WINDOW_MS);
  const fromClient = db.select({ n: count() }).from(requestAttempts).where(and(eq(requestAttempts.clientKey, clientKey), gt(requestAttempts.at, since))).get()!.n;
  if (fromClient >= REQUESTS_PER_ADDRESS) return 'tooManyFromYou';
  const total = db.select({ n: count() }).from(requestAttempts).where(gt(requestAttempts.at, since)).get()!.n;
  return total >= ceilingPerHour ? 'networkBusy' : null;
}

/** Counts an accepted request, and forgets those older than the window. */
export function recordRequest(db: Db, clientKey: string, now: Date): void {
  db.delete(requestAttempts).where(lte(requestAttempts.at, new Date(now.getTime() - REQUEST_WINDOW_MS))).run();
  db.insert(requestAttempts).values({ clientKey, at: now }).run();
}
