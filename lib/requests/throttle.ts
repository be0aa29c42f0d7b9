import { createHash } from 'node:crypto';
import { and, count, countDistinct, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '@/db';
import { requestAttempts } from '@/db/schema';
import { sourceNetwork } from './source-network';

/** At most this many requests for a place from one address in the window. */
export const REQUESTS_PER_ADDRESS = 3;
/**
 * At most this many from one source network (lib/requests/source-network.ts): a few people behind
 * one carrier's NAT pool ask freely, while one party holding a block of addresses is held to it.
 */
export const REQUESTS_PER_NETWORK = 20;
export const REQUEST_WINDOW_MS = 60 * 60_000;

export type RequestRefusal = 'tooManyFromYou' | 'networkBusy';
/** Whom a request counts against; the table holds no address in the clear. */
export type RequestClient = { clientKey: string; networkKey: string };

const hash = (text: string) => createHash('sha256').update(text).digest('base64url');
export const requestCounters = (address: string): RequestClient => ({ clientKey: hash(`request:${address}`), networkKey: hash(`request-network:${sourceNetwork(address)}`) });

const since = (now: Date) => gt(requestAttempts.at, new Date(now.getTime() - REQUEST_WINDOW_MS));

/**
 * Whether one more request may be taken now: a few an hour from one address, more from one source
 * network. The admin's ceiling is not a refusal, as one party or a few dozen at their limits could
 * then close the form for everyone: past it the form stays open, each source network is held to
 * the per-address limit, and admins are told (requestFlood). A ceiling of 0 closes the form. Read
 * inside the write transaction that records the request, so two requests at once cannot both take
 * the last place.
 */
export function requestRefusal(db: Db, client: RequestClient, ceilingPerHour: number, now: Date): RequestRefusal | null {
  if (ceilingPerHour === 0) return 'networkBusy';
  const fromClient = db.select({ n: count() }).from(requestAttempts).where(and(eq(requestAttempts.clientKey, client.clientKey), since(now))).get()!.n;
  if (fromClient >= REQUESTS_PER_ADDRESS) return 'tooManyFromYou';
  const fromNetwork = db.select({ n: count() }).from(requestAttempts).where(and(eq(requestAttempts.networkKey, client.networkKey), since(now))).get()!.n;
  if (fromNetwork < REQUESTS_PER_ADDRESS) return null;
  const total = db.select({ n: count() }).from(requestAttempts).where(since(now)).get()!.n;
  return fromNetwork >= (total >= ceilingPerHour ? REQUESTS_PER_ADDRESS : REQUESTS_PER_NETWORK) ? 'networkBusy' : null;
}

/** Counts an accepted request, and forgets those older than the window. */
export function recordRequest(db: Db, client: RequestClient, now: Date): void {
  db.delete(requestAttempts).where(lte(requestAttempts.at, new Date(now.getTime() - REQUEST_WINDOW_MS))).run();
  db.insert(requestAttempts).values({ ...client, at: now }).run();
}

/** The last hour's requests and the source networks they came from, once they reach the admin's ceiling; else null. */
export function requestFlood(db: Db, ceilingPerHour: number, now: Date): { requests: number; networks: number } | null {
  if (ceilingPerHour === 0) return null;
  const row = db.select({ requests: count(), networks: countDistinct(requestAttempts.networkKey) }).from(requestAttempts).where(since(now)).get()!;
  return row.requests >= ceilingPerHour ? row : null;
}
