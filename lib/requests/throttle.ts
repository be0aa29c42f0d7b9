import { createHash, randomBytes } from 'node:crypto';
import { and, count, countDistinct, eq, gt, lte, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { requestAttempts } from '@/db/schema';
import { sourceNetwork } from './source-network';

/**
 * At most this many requests for a place in the window from one device (the form's own cookie), or
 * from one address for a client that sends no such cookie (a bot clearing its cookies).
 */
export const REQUESTS_PER_ADDRESS = 3;
/**
 * At most this many from one address whatever the devices: the people behind one airport's Wi-Fi
 * each ask freely, while one client minting devices is still held to it.
 */
export const REQUESTS_PER_SHARED_ADDRESS = 10;
/**
 * At most this many from one source network (lib/requests/source-network.ts): a few people behind
 * one carrier's NAT pool ask freely, while one party holding a block of addresses is held to it.
 */
export const REQUESTS_PER_NETWORK = 20;
export const REQUEST_WINDOW_MS = 60 * 60_000;

export type RequestRefusal = 'tooManyFromYou' | 'networkBusy';
/**
 * Whom a request counts against; the table holds no address or device in the clear. `clientKey` is
 * the address's hash, a slash, and the device's hash (empty without one), so both can be counted.
 */
export type RequestClient = { clientKey: string; networkKey: string };

/** The form's device cookie: random, httpOnly, sent only to /request; it says nothing about anyone. */
export const REQUEST_DEVICE_COOKIE = 'waystation-request-device';
export const newRequestDevice = () => randomBytes(16).toString('base64url');
export const isRequestDevice = (value: unknown): value is string => typeof value === 'string' && /^[\w-]{22}$/.test(value);

const hash = (text: string) => createHash('sha256').update(text).digest('base64url');
export const requestCounters = (address: string, device?: string | null): RequestClient => ({
  clientKey: `${hash(`request:${address}`)}/${isRequestDevice(device) ? hash(`request-device:${device}`) : ''}`,
  networkKey: hash(`request-network:${sourceNetwork(address)}`),
});

const since = (now: Date) => gt(requestAttempts.at, new Date(now.getTime() - REQUEST_WINDOW_MS));
// Hashes are base64url: no GLOB wildcard in them.
const recentFrom = (db: Db, pattern: string, now: Date) =>
  db
    .select({ n: count() })
    .from(requestAttempts)
    .where(and(sql`${requestAttempts.clientKey} glob ${pattern}`, since(now)))
    .get()!.n;

/** 'tooManyFromYou' when this device, or this address for a client without one, has asked enough; 'networkBusy' past the address's ceiling. */
function clientRefusal(db: Db, client: RequestClient, now: Date): RequestRefusal | null {
  const [addressKey, deviceKey] = client.clientKey.split('/');
  const fromAddress = recentFrom(db, `${addressKey}/*`, now);
  if (!deviceKey) return fromAddress >= REQUESTS_PER_ADDRESS ? 'tooManyFromYou' : null;
  if (recentFrom(db, `*/${deviceKey}`, now) >= REQUESTS_PER_ADDRESS) return 'tooManyFromYou';
  return fromAddress >= REQUESTS_PER_SHARED_ADDRESS ? 'networkBusy' : null;
}

/**
 * Whether one more request may be taken now: a few an hour from one device (or one address without
 * the device cookie), more from one shared address, more again from one source network. The admin's ceiling is not a refusal, as one party or a few dozen at their limits could
 * then close the form for everyone: past it the form stays open, each source network is held to
 * the per-address limit, and admins are told (requestFlood). A ceiling of 0 closes the form. Read
 * inside the write transaction that records the request, so two requests at once cannot both take
 * the last place.
 */
export function requestRefusal(db: Db, client: RequestClient, ceilingPerHour: number, now: Date): RequestRefusal | null {
  if (ceilingPerHour === 0) return 'networkBusy';
  const refusal = clientRefusal(db, client, now);
  if (refusal) return refusal;
  const fromNetwork = db
    .select({ n: count() })
    .from(requestAttempts)
    .where(and(eq(requestAttempts.networkKey, client.networkKey), since(now)))
    .get()!.n;
  if (fromNetwork < REQUESTS_PER_ADDRESS) return null;
  const total = db.select({ n: count() }).from(requestAttempts).where(since(now)).get()!.n;
  return fromNetwork >= (total >= ceilingPerHour ? REQUESTS_PER_ADDRESS : REQUESTS_PER_NETWORK) ? 'networkBusy' : null;
}

/** Counts an accepted request, and forgets those older than the window. */
export function recordRequest(db: Db, client: RequestClient, now: Date): void {
  db.delete(requestAttempts)
    .where(lte(requestAttempts.at, new Date(now.getTime() - REQUEST_WINDOW_MS)))
    .run();
  db.insert(requestAttempts)
    .values({ ...client, at: now })
    .run();
}

/** The last hour's requests and the source networks they came from, once they reach the admin's ceiling; else null. */
export function requestFlood(db: Db, ceilingPerHour: number, now: Date): { requests: number; networks: number } | null {
  if (ceilingPerHour === 0) return null;
  const row = db
    .select({ requests: count(), networks: countDistinct(requestAttempts.networkKey) })
    .from(requestAttempts)
    .where(since(now))
    .get()!;
  return row.requests >= ceilingPerHour ? row : null;
}
