import { addNights, tonightIn, type Night } from '@/lib/calendar/nights';
import { utcToZonedWallClock } from '@/lib/calendar/zones';

/** When a household still to come lands, in its city's calendar words: today, tomorrow or a date, and the hour there. */
export type Landing = { day: 'today' | 'tomorrow' | 'later'; date: Night; time: string };

/**
 * The landing of a household that is not here yet, read on its city's clock (`timeZone`); none once
 * the moment has passed. `at` is when it said it lands: the guide's "lands at", or a request's arrival.
 */
export function landingOf(at: Date | null, now: Date, timeZone: string): Landing | null {
  if (!at || at.getTime() <= now.getTime()) return null;
  const wallClock = utcToZonedWallClock(at, timeZone);
  const date = wallClock.slice(0, 10);
  const today = tonightIn(timeZone, now);
  const day = date === today ? 'today' : date === addNights(today, 1) ? 'tomorrow' : 'later';
  return { day, date, time: wallClock.slice(11, 16) };
}
