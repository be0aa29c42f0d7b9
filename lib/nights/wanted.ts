import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { shelters } from '@/db/schema';
import { addNights, isNight, MAX_DAYS_AHEAD, MAX_NIGHTS, nightCount, tonightIn, type NightRange } from '@/lib/calendar/nights';
import { cityTimeZone } from '@/lib/cities/clock';
import { holdUntilFor } from './door';
import { firstNightFrom } from './stay-dates';

/** A household that says nothing of its nights is offered this many, the shelters' own default. */
export const DEFAULT_NIGHTS = 3;

/**
 * The nights to look for beds for a household, before a shelter is chosen: from its expected arrival
 * (or tonight, while some open shelter still lets people in tonight; otherwise tomorrow), for the
 * nights it asked for. Dates are the calendar of the household's city; each shelter reads them as its own.
 */
export function nightsToSearch(
  db: Db,
  household: { expectedAt: Date | null; nightsWanted: number | null; cityId?: string | null },
  now: Date,
): NightRange {
  const timeZone = cityTimeZone(db, household.cityId);
  const tonight = tonightIn(timeZone, now);
  const doors = db
    .select({
      checkInFrom: shelters.checkInFrom,
      checkInUntil: shelters.checkInUntil,
      holdHours: shelters.holdHours,
      checkOutBy: shelters.checkOutBy,
      timeZone: shelters.timeZone,
    })
    .from(shelters)
    .where(eq(shelters.status, 'open'))
    .all();
  const doorOpen = doors.length === 0 || doors.some((door) => holdUntilFor(door, tonight) > now);
  const earliest = doorOpen ? tonight : addNights(tonight, 1);
  const firstNight = firstNightFrom(earliest, household.expectedAt, timeZone);
  return { firstNight, departure: addNights(firstNight, household.nightsWanted ?? DEFAULT_NIGHTS) };
}

/**
 * The nights a guide typed into the page's date fields, if they make a range; otherwise why not, for
 * the field. Nothing is written from a page's address, so a bad one only shows the message.
 */
export function nightsFromQuery(
  from: string | undefined,
  to: string | undefined,
  fallback: NightRange,
  tonight: string,
): { range: NightRange; error?: { field: 'firstNight' | 'departure'; code: string } } {
  if (!from && !to) return { range: fallback };
  const firstNight = from || fallback.firstNight;
  if (!isNight(firstNight)) return { range: fallback, error: { field: 'firstNight', code: 'invalidDate' } };
  if (firstNight < tonight) return { range: fallback, error: { field: 'firstNight', code: 'firstNightPast' } };
  if (firstNight > addNights(tonight, MAX_DAYS_AHEAD)) return { range: fallback, error: { field: 'firstNight', code: 'tooFarAhead' } };
  const departure = to || addNights(firstNight, nightCount(fallback));
  if (!isNight(departure)) return { range: fallback, error: { field: 'departure', code: 'invalidDate' } };
  if (departure <= firstNight) return { range: fallback, error: { field: 'departure', code: 'departureBeforeArrival' } };
  if (nightCount({ firstNight, departure }) > MAX_NIGHTS) return { range: fallback, error: { field: 'departure', code: 'tooManyNights' } };
  return { range: { firstNight, departure } };
}
