import { createHash } from 'node:crypto';
import { eq, lte } from 'drizzle-orm';
import type { Db } from '@/db';
import { usedFormStamps } from '@/db/schema';
import { STAMP_MAX_AGE_MS, stampTime } from './form-guard';

/**
 * Spent request-form stamps, so that one form handed out is good for one request. Only a hash is
 * kept: the table says nothing about when anyone asked, beyond its expiry.
 */
const hashOf = (stamp: string) => createHash('sha256').update(`stamp:${stamp}`).digest('base64url');

export function stampSpent(db: Db, stamp: string): boolean {
  return (
    db
      .select({ hash: usedFormStamps.stampHash })
      .from(usedFormStamps)
      .where(eq(usedFormStamps.stampHash, hashOf(stamp)))
      .get() !== undefined
  );
}

/**
 * Marks a stamp spent, in the write transaction that records its request, and forgets stamps past
 * their maximum age: those are refused by age already (botVerdict), spent or not.
 */
export function spendStamp(db: Db, stamp: string, now: Date): void {
  const issued = stampTime(stamp) ?? now;
  db.delete(usedFormStamps).where(lte(usedFormStamps.expiresAt, now)).run();
  db.insert(usedFormStamps)
    .values({ stampHash: hashOf(stamp), expiresAt: new Date(issued.getTime() + STAMP_MAX_AGE_MS) })
    .run();
}
