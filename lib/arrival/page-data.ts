import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { shelterTexts, shelters, stayBeds, stays } from '@/db/schema';
import { hashLinkToken } from '@/lib/placement/links';
import { arrivalStatus } from './status';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * Everything the arrival's page shows for a link, or null for a link that does not work. Unknown,
 * revoked and expired links take the same path (one indexed lookup by hash) and give the same null.
 * Nothing about the household itself is read: no alias, no contact.
 */
export function arrivalPageData(db: Db, token: string, now: Date) {
  const row = db
    .select({ stay: { id: stays.id, status: stays.status, holdUntil: stays.holdUntil, linkExpiresAt: stays.linkExpiresAt }, shelter: shelters })
    .from(stays)
    .innerJoin(shelters, eq(shelters.id, stays.shelterId))
    .where(eq(stays.linkTokenHash, hashLinkToken(TOKEN_SHAPE.test(token) ? token : '-')))
    .get();
  if (!row || !row.stay.linkExpiresAt || row.stay.linkExpiresAt <= now) return null;
  const heldBeds =
    db
      .select({ n: sql<number>`count(*)` })
      .from(stayBeds)
      .where(and(eq(stayBeds.stayId, row.stay.id), isNull(stayBeds.releasedAt)))
      .get()?.n ?? 0;
  const texts = db.select().from(shelterTexts).where(eq(shelterTexts.shelterId, row.shelter.id)).all();
  return { shelter: row.shelter, texts, status: arrivalStatus(row.stay, heldBeds, now) };
}
export type ArrivalPageData = NonNullable<ReturnType<typeof arrivalPageData>>;
