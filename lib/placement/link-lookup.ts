import { and, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { shelters, stays } from '@/db/schema';
import { hashLinkToken } from './links';

/** The active stay behind an arrival's link; unknown, expired and revoked links all give null. */
export function stayByLink(db: Db, token: string, now: Date) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return (
    db
      .select({ stay: stays, shelterName: shelters.name, district: shelters.district, timeZone: shelters.timeZone })
      .from(stays)
      .innerJoin(shelters, eq(shelters.id, stays.shelterId))
      .where(and(eq(stays.linkTokenHash, hashLinkToken(token)), gt(stays.linkExpiresAt, now), inArray(stays.status, ['reserved', 'checked_in'])))
      .get() ?? null
  );
}
