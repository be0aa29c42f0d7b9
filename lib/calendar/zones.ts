import { Remembered } from '@/lib/cache';

/** The network's own days and times: registrations, the queue, the audit trail (shelters may set their own). */
export const NETWORK_TIME_ZONE = 'Europe/Istanbul';

// Building a formatter costs far more than using one, and a history of two years asks for thousands.
const wallClocks = new Remembered<string, Intl.DateTimeFormat>(1_000);

function wallClockIn(timeZone: string): Intl.DateTimeFormat {
  return (
    wallClocks.get(timeZone) ??
    wallClocks.set(
      timeZone,
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
    )
  );
}

/** The offset of `timeZone` from UTC at `instant`, in minutes (Istanbul: +180). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    wallClockIn(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** "2026-11-26T21:30" read as wall-clock time in `timeZone` → the UTC instant. */
export function zonedWallClockToUtc(local: string, timeZone: string): Date {
  const [date, time] = local.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm, ss = 0] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, hh, mm, ss);
  // Two passes settle the offset even across a daylight-saving change.
  let instant = guess - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000;
  instant = guess - zoneOffsetMinutes(new Date(instant), timeZone) * 60_000;
  return new Date(instant);
}

/** The instant as "YYYY-MM-DDTHH:MM" wall-clock time in `timeZone`, for a datetime-local input. */
export function utcToZonedWallClock(instant: Date, timeZone: string): string {
  const shifted = new Date(instant.getTime() + zoneOffsetMinutes(instant, timeZone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** Whole minutes from `since` to `now`, never negative: how long someone has been waiting. */
export const minutesSince = (since: number, now: Date) => Math.max(0, Math.floor((now.getTime() - since) / 60_000));
