import { addDays, daysBetween, localDay } from './days';

/**
 * A night is the shelter's local calendar day on whose evening it begins, "YYYY-MM-DD": the night of
 * 1 Dec runs from check-in on 1 Dec to check-out on 2 Dec. A stay covers the nights from its first
 * night up to, not including, its departure day.
 */
export type Night = string;
export type NightRange = { firstNight: Night; departure: Night };

/** Dates further ahead than this are refused: plans that far out are guesses, not bookings. */
export const MAX_DAYS_AHEAD = 90;
/** A stay with no shelter limit may still not run longer than this. */
export const MAX_NIGHTS = 90;

const NIGHT_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `value` names a day that exists ("2026-02-30" does not). */
export function isNight(value: string): boolean {
  if (!NIGHT_PATTERN.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** Tonight in the shelter's calendar: the local date now (at 03:00 it is the night that starts this evening). */
export const tonightIn = (timeZone: string, now: Date): Night => localDay(now.getTime(), timeZone);

export const addNights = addDays;

/** How many nights a stay covers. */
export const nightCount = (range: NightRange) => daysBetween(range.firstNight, range.departure);

/** Every night of the stay, in order. */
export function nightsOf(range: NightRange): Night[] {
  const nights: Night[] = [];
  for (let night = range.firstNight; night < range.departure; night = addDays(night, 1)) nights.push(night);
  return nights;
}

/** The next `count` nights from `first`. */
export function nightsFrom(first: Night, count: number): Night[] {
  return nightsOf({ firstNight: first, departure: addDays(first, count) });
}
