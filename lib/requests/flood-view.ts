import 'server-only';
import type { Db } from '@/db';
import { RATE_LIMITS } from '@/lib/security/rate-limits';
import { readNetworkSettings } from './settings';
import { requestFlood } from './throttle';

/**
 * What an admin on the queue page is told when the public form is being flooded (past the ceiling
 * the form stays open, lib/requests/throttle.ts), or null when it is not.
 */
export function floodView(db: Db, now: Date) {
  const { requestsPerHour } = readNetworkSettings(db);
  const flood = requestFlood(db, requestsPerHour, now);
  if (!flood) return null;
  return { ...flood, ceiling: requestsPerHour, perNetwork: RATE_LIMITS['request.floodedNetwork'].refuse };
}

export type FloodView = NonNullable<ReturnType<typeof floodView>>;
