import { addNights, tonightIn, type Night } from '@/lib/calendar/nights';
import { utcToZonedWallClock, zonedWallClockToUtc } from '@/lib/calendar/zones';
import { checkInWindow, type DoorRules } from '@/lib/nights/door';

/** A shelter's door and what it does for a guest who says they will be late. */
export type LateRules = DoorRules & { lateGraceMinutes: number; latestArrival: string | null };
export type LateRefusal = 'latePast' | 'lateAfterLatest' | 'lateNoSuchTime' | 'lateAgain';
export type HeldStay = { firstNight: Night | null; holdUntil: Date; guestSaid: string | null };

/** "HH:MM" on `day` in the shelter's zone; `exists` is false for a time the clocks skip (02:30 when they go forward at 02:00). */
function wallClock(timeZone: string, day: Night, time: string): { at: Date; exists: boolean } {
  const local = `${day}T${time}`;
  const at = zonedWallClockToUtc(local, timeZone);
  return { at, exists: utcToZonedWallClock(at, timeZone) === local };
}

/** A wall-clock "HH:MM" of the night that begins on `night`: a time before the door opens is after midnight. */
export function nightClock(rules: Pick<DoorRules, 'checkInFrom' | 'timeZone'>, night: Night, time: string): { at: Date; exists: boolean } {
  return wallClock(rules.timeZone, time < rules.checkInFrom ? addNights(night, 1) : night, time);
}

/**
 * The latest a guest of `night` may come and still find their bed: the host's latest hour, else the
 * door's closing, and never before the hold the stay already has (a long hold is kept as promised).
 */
export function latestArrivalFor(rules: LateRules, night: Night, holdUntil: Date): Date {
  const cap = rules.latestArrival ? nightClock(rules, night, rules.latestArrival).at : checkInWindow(rules, night).closes;
  return new Date(Math.max(cap.getTime(), holdUntil.getTime()));
}

/**
 * What "late, about `time`" does to a held stay, the one rule the arrival's page, the host's Expected
 * list and the expiry job all follow (the result is the stay's hold_until, which all three read): the
 * hold runs to that time plus the shelter's grace, capped at the latest arrival, and is never shortened.
 * Refused: a time already past, one after the latest arrival, one the clocks skip, and a second "late"
 * (a later change is the host's to agree, by phone).
 */
export function lateHold(
  rules: LateRules,
  stay: HeldStay,
  time: string,
  now: Date,
): { eta: Date; holdUntil: Date; latest: Date } | { refused: LateRefusal; latest: Date } {
  // A stay written before stays had dates is for the night it was held on.
  const night = stay.firstNight ?? tonightIn(rules.timeZone, now);
  const latest = latestArrivalFor(rules, night, stay.holdUntil);
  if (stay.guestSaid === 'late') return { refused: 'lateAgain', latest };
  // Before the door opens, the time is after midnight, unless that day's is still to come (said in
  // the morning of a night booked at 03:00, "12:00" is noon, not tomorrow's).
  let eta = nightClock(rules, night, time);
  if (time < rules.checkInFrom) {
    const sameDay = wallClock(rules.timeZone, night, time);
    if (sameDay.at > now) eta = sameDay;
  }
  if (!eta.exists) return { refused: 'lateNoSuchTime', latest };
  if (eta.at <= now) return { refused: 'latePast', latest };
  if (eta.at > latest) return { refused: 'lateAfterLatest', latest };
  const wanted = Math.min(eta.at.getTime() + rules.lateGraceMinutes * 60_000, latest.getTime());
  return { eta: eta.at, holdUntil: new Date(Math.max(stay.holdUntil.getTime(), wanted)), latest };
}
