import type { Db } from '@/db';
import { checkLimit, RATE_LIMITS, recordHit } from '@/lib/security/rate-limits';

/**
 * Slows down and then refuses a client that tries many links that do not work: RATE_LIMITS'
 * `link.address`, counted under keys of its own (`link:` and a hash of the address).
 */
export type LinkLimits = (typeof RATE_LIMITS)['link.address'];

/** Asked before a link that does not work is answered. */
export function linkBlocked(db: Db, address: string, now: Date): boolean {
  return checkLimit(db, RATE_LIMITS['link.address'], address, now).until !== null;
}

/** Counts a miss and returns how long to wait before answering it. Run inside `write()`. */
export function recordLinkMiss(db: Db, address: string, now: Date, limits: LinkLimits = RATE_LIMITS['link.address']): number {
  return recordHit(db, limits, address, now).delayMs;
}

/** What a blocked address is told to wait, in seconds (`Retry-After`): the block's length, though less may be left of it. */
export const LINK_RETRY_AFTER_S = RATE_LIMITS['link.address'].block.for / 1000;
