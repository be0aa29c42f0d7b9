import { addNights, isNight, MAX_DAYS_AHEAD, MAX_NIGHTS, nightCount, tonightIn, type Night, type NightRange } from '@/lib/calendar/nights';
import { DomainError } from '@/lib/errors';
import { firstBookableNight, holdUntilFor, type DoorRules } from './door';

export type StayRules = DoorRules & { usualNights: number; longestNights: number | null };
export type DatesWanted = { firstNight?: string | null; departure?: string | null; nights?: number | null; expectedAt?: Date | null };

export const longestStay = (shelter: StayRules) => shelter.longestNights ?? MAX_NIGHTS;

/** The night a household lands on, in `timeZone`'s calendar, if later than the earliest bookable; else that. */
export function firstNightFrom(earliest: Night, expectedAt: Date | null | undefined, timeZone: string): Night {
  const expected = expectedAt ? tonightIn(timeZone, expectedAt) : null;
  return expected && expected > earliest ? expected : earliest;
}

/**
 * The nights a stay asks for: the first night the guide chose, else the night of the household's
 * expected arrival, else the first night still open tonight; then its departure as chosen, else
 * after the nights the household asked for, else the shelter's usual stay (never past its longest).
 */
export function defaultNights(shelter: StayRules, wanted: DatesWanted, now: Date): NightRange {
  const earliest = firstBookableNight(shelter, tonightIn(shelter.timeZone, now), now);
  const firstNight = wanted.firstNight || firstNightFrom(earliest, wanted.expectedAt, shelter.timeZone);
  const nights = Math.min(wanted.nights ?? shelter.usualNights, longestStay(shelter));
  return { firstNight, departure: wanted.departure || addNights(firstNight, nights) };
}

/**
 * Checks the nights of a new or changed stay against the calendar and the shelter's rules; each
 * refusal names the field to show it by. `keepFirstNight` lets a stay already running keep a first
 * night that is now in the past while its departure changes.
 */
export function checkNights(shelter: StayRules, range: NightRange, now: Date, options: { keepFirstNight?: Night } = {}): NightRange {
  if (!isNight(range.firstNight)) throw new DomainError('invalidDate', 'firstNight');
  if (!isNight(range.departure)) throw new DomainError('invalidDate', 'departure');
  const tonight = tonightIn(shelter.timeZone, now);
  const lastAllowed = addNights(tonight, MAX_DAYS_AHEAD);
  if (range.firstNight !== options.keepFirstNight) {
    if (range.firstNight < tonight) throw new DomainError('firstNightPast', 'firstNight');
    if (range.firstNight === tonight && holdUntilFor(shelter, tonight) <= now) throw new DomainError('checkInClosed', 'firstNight');
    if (range.firstNight > lastAllowed) throw new DomainError('tooFarAhead', 'firstNight', { days: MAX_DAYS_AHEAD });
  }
  if (range.departure <= range.firstNight) throw new DomainError('departureBeforeArrival', 'departure');
  if (range.departure > addNights(lastAllowed, 1)) throw new DomainError('tooFarAhead', 'departure', { days: MAX_DAYS_AHEAD });
  if (nightCount(range) > longestStay(shelter)) throw new DomainError('tooManyNights', 'departure', { max: longestStay(shelter) });
  return range;
}
