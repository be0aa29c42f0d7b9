import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { arrivals, noFitSearches, stays, stayWords } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { ACTIVE_STAY_STATUSES } from '@/lib/placement/reserve';

/**
 * Erases what identifies a household: its alias, contact handle, free-text need and request link.
 * Counts, dates, party size, languages and the shelter stay, so occupancy history is unchanged.
 * Its searches not yet counted into unmet demand lose their tie to it (a random id takes its place),
 * so the day's count survives and nothing links the search to the household.
 * Links of stays that have ended are deleted; an active stay keeps its link so the person can still
 * find their bed tonight. A household still waiting leaves the queue: nobody could reach it now.
 * The guests' word after their stays goes too: it is theirs, and staff-only while it lasts.
 * Idempotent: an erased household is left as it is.
 */
export function eraseHousehold(db: Db, arrivalId: string, now: Date, actorId: string | null): boolean {
  const arrival = db.select().from(arrivals).where(eq(arrivals.id, arrivalId)).get();
  if (!arrival || arrival.erasedAt) return false;
  const leavesQueue = arrival.status === 'waiting';
  db.update(arrivals)
    .set({
      alias: null,
      contact: null,
      needNote: null,
      requestTokenHash: null,
      erasedAt: now,
      ...(leavesQueue ? { status: 'cancelled' as const, endedAt: arrival.endedAt ?? now } : {}),
    })
    .where(eq(arrivals.id, arrivalId))
    .run();
  db.update(stays)
    .set({ linkTokenHash: null, linkExpiresAt: null })
    .where(and(eq(stays.arrivalId, arrivalId), notInArray(stays.status, [...ACTIVE_STAY_STATUSES])))
    .run();
  db.delete(stayWords)
    .where(inArray(stayWords.stayId, db.select({ id: stays.id }).from(stays).where(eq(stays.arrivalId, arrivalId))))
    .run();
  db.update(noFitSearches)
    .set({ arrivalId: sql`lower(hex(randomblob(16)))` })
    .where(eq(noFitSearches.arrivalId, arrivalId))
    .run();
  recordAudit(db, { at: now, actorId, action: 'household.erase', entity: 'arrival', entityId: arrivalId });
  return true;
}
