import { write, type Db } from '@/db';
import { expireHolds, holdsDue } from './expiry';

/**
 * Applied before availability is shown: holds past their time are released. Takes the write lock
 * only when something is due, so ordinary page views stay read-only.
 */
export function applyExpiry(db: Db, now: Date): void {
  if (holdsDue(db, now)) write(db, (tx) => expireHolds(tx, now));
}
