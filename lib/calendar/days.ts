import { Remembered } from '@/lib/cache';
import { zonedWallClockToUtc, zoneOffsetMinutes } from './zones';

/** A shelter's local calendar day: midnight to midnight, 23 or 25 hours across a clock change. */
export type DayWindow = {
  day: string;
  start: number;
  end: number;
  /** The instant whose state the day's bed counts show: the midnight that ends it, or now for today. */
  at: number;
};

const DAY_MS = 86_400_000;

// A forecast of a thousand shelters asks for the same days tens of thousands of times (each
// shelter's tonight at the same instant, the same nights before and after): each answer is worked out
// once per process (lib/cache.ts).
const localDays = new Remembered<string, string>(10_000);
const shiftedDays = new Remembered<string, string>(50_000);

/** "YYYY-MM-DD" of the instant in `timeZone`. */
export function localDay(instant: number, timeZone: string): string {
  const key = `${instant} ${timeZone}`;
  return (
    localDays.get(key) ??
    localDays.set(key, new Date(instant + zoneOffsetMinutes(new Date(instant), timeZone) * 60_000).toISOString().slice(0, 10))
  );
}

export function addDays(day: string, days: number): string {
  const key = `${day} ${days}`;
  return shiftedDays.get(key) ?? shiftedDays.set(key, new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10));
}

/** Whole days from `from` to `to`, both included (0 when they are the same day). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

// Midnights are asked for again and again (a forecast of a thousand shelters, a history of two
// years): each (day, zone) is worked out once per process (lib/cache.ts).
const midnights = new Remembered<string, number>(50_000);

export function dayStart(day: string, timeZone: string): number {
  const key = `${day} ${timeZone}`;
  return midnights.get(key) ?? midnights.set(key, zonedWallClockToUtc(`${day}T00:00`, timeZone).getTime());
}

/** The local days from `from` to `to` inclusive; a day still running is seen as it stands `now`. */
export function dayWindows(from: string, to: string, timeZone: string, now: number): DayWindow[] {
  const windows: DayWindow[] = [];
  let start = dayStart(from, timeZone);
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const end = dayStart(addDays(day, 1), timeZone);
    windows.push({ day, start, end, at: Math.min(end, now) });
    start = end;
  }
  return windows;
}
