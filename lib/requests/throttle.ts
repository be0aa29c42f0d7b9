import { randomBytes } from 'node:crypto';
import type { Db } from '@/db';
import { logClient, loggedCount, loggedTotals, RATE_LIMITS, recordLogged, type LogClient } from '@/lib/security/rate-limits';
import { sourceNetwork } from './source-network';

export type RequestRefusal = 'tooManyFromYou' | 'networkBusy';
/** Whom a request counts against (RATE_LIMITS' `request.*`); the table holds no address or device in the clear. */
export type RequestClient = LogClient;

/** The form's device cookie: random, httpOnly, sent only to /request; it says nothing about anyone. */
export const REQUEST_DEVICE_COOKIE = 'waystation-request-device';
export const newRequestDevice = () => randomBytes(16).toString('base64url');
export const isRequestDevice = (value: unknown): value is string => typeof value === 'string' && /^[\w-]{22}$/.test(value);

/** A cookie value the server did not hand out counts as no device. */
export const requestCounters = (address: string, device?: string | null): RequestClient =>
  logClient(address, isRequestDevice(device) ? device : null, sourceNetwork(address));

type Refusing = 'request.device' | 'request.address' | 'request.sharedAddress' | 'request.network' | 'request.floodedNetwork';
const reached = (db: Db, name: Refusing, client: RequestClient, now: Date) =>
  loggedCount(db, RATE_LIMITS[name], client, now) >= RATE_LIMITS[name].refuse;

/** 'tooManyFromYou' when this device, or this address for a client without one, has asked enough; 'networkBusy' past the address's ceiling. */
function clientRefusal(db: Db, client: RequestClient, now: Date): RequestRefusal | null {
  if (!client.deviceKey) return reached(db, 'request.address', client, now) ? 'tooManyFromYou' : null;
  if (reached(db, 'request.device', client, now)) return 'tooManyFromYou';
  return reached(db, 'request.sharedAddress', client, now) ? 'networkBusy' : null;
}

/**
 * Whether one more request may be taken now: a few an hour from one device (or one address without
 * the device cookie), more from one shared address, more again from one source network. The admin's
 * ceiling is not a refusal (`request.all`): past it the form stays open, each source network is
 * held to `request.floodedNetwork`, and admins are told (requestFlood). A ceiling of 0 closes the
 * form. Read inside the write transaction that records the request, so two requests at once cannot
 * both take the last place.
 */
export function requestRefusal(db: Db, client: RequestClient, ceilingPerHour: number, now: Date): RequestRefusal | null {
  if (ceilingPerHour === 0) return 'networkBusy';
  const refusal = clientRefusal(db, client, now);
  if (refusal) return refusal;
  // Most networks are below even a flood's limit: then the others need not be counted.
  if (!reached(db, 'request.floodedNetwork', client, now)) return null;
  if (reached(db, 'request.network', client, now)) return 'networkBusy';
  return loggedCount(db, RATE_LIMITS['request.all'], client, now) >= ceilingPerHour ? 'networkBusy' : null;
}

/** Counts an accepted request, and forgets those older than the window. */
export function recordRequest(db: Db, client: RequestClient, now: Date): void {
  recordLogged(db, client, now);
}

/** The last hour's requests and the source networks they came from, once they reach the admin's ceiling; else null. */
export function requestFlood(db: Db, ceilingPerHour: number, now: Date): { requests: number; networks: number } | null {
  if (ceilingPerHour === 0) return null;
  const row = loggedTotals(db, RATE_LIMITS['request.all'], now);
  return row.requests >= ceilingPerHour ? row : null;
}
