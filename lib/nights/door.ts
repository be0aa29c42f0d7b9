import { addNights, type Night } from '@/lib/calendar/nights';
import { zonedWallClockToUtc } from '@/lib/calendar/zones';

export type DoorRules = { checkInFrom: string; checkInUntil: string; holdHours: number; checkOutBy: string; timeZone: string };

const at = (night: Night, time: string, timeZone: string) => zonedWallClockToUtc(`${night}T${time}`, timeZone);

/**
 * When the shelter lets people in for a night, as UTC instants in its own time zone. A window that
 * ends at or before it opens ("20:00" to "02:00") ends on the next day.
 */
export function checkInWindow(shelter: DoorRules, night: Night): { opens: Date; closes: Date } {
  const opens = at(night, shelter.checkInFrom, shelter.timeZone);
  const closesOnNextDay = shelter.checkInUntil <= shelter.checkInFrom;
  const closes = at(closesOnNextDay ? addNights(night, 1) : night, shelter.checkInUntil, shelter.timeZone);
  return { opens, closes };
}

/**
 * How long a reservation holds its beds: until the first night's check-in window closes, or the
 * shelter's hold hours after it opens, whichever is later. A hold made at 03:37 for tonight therefore
 * lasts past the opening of the door, not six hours from the moment of booking.
 */
export function holdUntilFor(shelter: DoorRules, firstNight: Night): Date {
  const { opens, closes } = checkInWindow(shelter, firstNight);
  return new Date(Math.max(closes.getTime(), opens.getTime() + shelter.holdHours * 3600_000));
}

/** When a guest leaving on `departure` is expected out. */
export const checkOutAt = (shelter: DoorRules, departure: Night) => at(departure, shelter.checkOutBy, shelter.timeZone);

/**
 * The first night a reservation made now can still be for: tonight while its hold would still run,
 * tomorrow once tonight's door has closed.
 */
export function firstBookableNight(shelter: DoorRules, tonight: Night, now: Date): Night {
  return holdUntilFor(shelter, tonight) > now ? tonight : addNights(tonight, 1);
}
