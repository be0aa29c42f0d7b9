import type { Db } from '@/db';
import { sourceNetwork } from '@/lib/requests/source-network';
import { checkLimit, RATE_LIMITS, recordHit } from '@/lib/security/rate-limits';

/**
 * The offer form's limits (RATE_LIMITS' `offer.*`): per address and per source network, each
 * counted against itself, so one party's flood never closes the form for a person elsewhere.
 */
const countedAs = (address: string) =>
  [
    [RATE_LIMITS['offer.address'], address],
    [RATE_LIMITS['offer.network'], sourceNetwork(address)],
  ] as const;

/** Whether one more offer from this address may be taken now. Read in the write transaction that records it. */
export const offerLimitReached = (db: Db, address: string, now: Date) =>
  countedAs(address).some(([limit, subject]) => checkLimit(db, limit, subject, now).until !== null);

/** Counts an accepted offer against its address and its network. */
export function recordOffer(db: Db, address: string, now: Date): void {
  for (const [limit, subject] of countedAs(address)) recordHit(db, limit, subject, now);
}
