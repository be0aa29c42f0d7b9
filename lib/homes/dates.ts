import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { shelterClosures } from '@/db/schema';
import { addNights, type Night } from '@/lib/calendar/nights';

/**
 * Who wrote the closures that keep a home to its offer's dates (shelter_closures.created_by): they
 * are the offer's, rewritten at each activation, and not the host's to reopen on the calendar.
 */
export const OFFER_DATES = 'offer-dates';
/** A night after any a booking can reach: the last closure runs to here. */
export const LAST_NIGHT = '9999-12-31';

type Range = { firstNight: Night; lastNight: Night };

/**
 * The nights outside the offer's ranges as closures of the whole home, from `tonight` on: every
 * reader of free beds and availability (lib/placement/availability.ts, lib/occupancy/free-tonight.ts,
 * the forecast) already leaves a closed night out, so a home's free beds are the same on every screen.
 */
export function closuresOutside(ranges: Range[], tonight: Night): Range[] {
  const gaps: Range[] = [];
  let from = tonight;
  for (const range of [...ranges].sort((a, b) => a.firstNight.localeCompare(b.firstNight))) {
    if (range.lastNight < from) continue;
    if (range.firstNight > from) gaps.push({ firstNight: from, lastNight: addNights(range.firstNight, -1) });
    from = addNights(range.lastNight, 1);
  }
  gaps.push({ firstNight: from, lastNight: LAST_NIGHT });
  return gaps;
}

/** Replaces the home's offer-dates closures with those of these ranges. */
export function keepToDates(db: Db, shelterId: string, ranges: Range[], tonight: Night, now: Date): void {
  db.delete(shelterClosures)
    .where(and(eq(shelterClosures.shelterId, shelterId), eq(shelterClosures.createdBy, OFFER_DATES)))
    .run();
  db.insert(shelterClosures)
    .values(closuresOutside(ranges, tonight).map((gap) => ({ shelterId, ...gap, createdBy: OFFER_DATES, createdAt: now })))
    .run();
}
