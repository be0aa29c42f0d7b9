import { Remembered } from '@/lib/cache';
import { localDay } from '@/lib/calendar/days';
import { addNights, nightCount, tonightIn } from '@/lib/calendar/nights';

/**
 * `stayed`: the guest checked out, the stay done as planned; `ended`: a booking cancelled, expired or
 * whose hold ran out. Both are over (no address, no forms), but only the second is a place lost.
 */
export type ArrivalStatus = { kind: 'held'; beds: number; until: Date } | { kind: 'checkedIn' } | { kind: 'stayed' } | { kind: 'ended' };

/** Whether the stay is over: the page then shows neither the address nor the forms before arrival. */
export const stayIsOver = (status: ArrivalStatus) => status.kind === 'ended' || status.kind === 'stayed';

/** What the arrival's page says about their reservation at `now`. */
export function arrivalStatus(stay: { status: string; holdUntil: Date }, heldBeds: number, now: Date): ArrivalStatus {
  if (stay.status === 'checked_in') return { kind: 'checkedIn' };
  if (stay.status === 'checked_out') return { kind: 'stayed' };
  if (stay.status === 'reserved' && stay.holdUntil > now) return { kind: 'held', beds: heldBeds, until: stay.holdUntil };
  return { kind: 'ended' };
}

type Translate = (key: 'held' | 'heldOn' | 'checkedIn' | 'stayed' | 'ended', values?: Record<string, string | number>) => string;
type Format = { dateTime(d: Date, o: Intl.DateTimeFormatOptions): string };

/**
 * "3 beds are held for you until 22:00", "You are checked in", "You have checked out", "This
 * reservation has ended".
 * A hold that ends on another day than today in the shelter's zone (a booking ahead) names the day.
 * Times are absolute: the page is kept offline, and "in 5 hours" would be wrong when the copy is read.
 */
export function statusSentence(status: ArrivalStatus, t: Translate, format: Format, timeZone: string, now: Date): string {
  if (status.kind === 'checkedIn') return t('checkedIn');
  if (status.kind === 'stayed') return t('stayed');
  if (status.kind === 'ended') return t('ended');
  const values = {
    count: status.beds,
    time: format.dateTime(status.until, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  };
  if (localDay(status.until.getTime(), timeZone) === localDay(now.getTime(), timeZone)) return t('held', values);
  return t('heldOn', { ...values, date: format.dateTime(status.until, { timeZone, day: 'numeric', month: 'long' }) });
}

/** A stay's nights as the arrival reads them; null for a stay written before stays had dates. */
export type StayNights = { firstNight: string; departure: string; nights: number; ahead: boolean };

export function stayNights(stay: { firstNight: string | null; departure: string | null }, timeZone: string, now: Date): StayNights | null {
  if (!stay.firstNight || !stay.departure || stay.departure <= stay.firstNight) return null;
  const range = { firstNight: stay.firstNight, departure: stay.departure };
  return { ...range, nights: nightCount(range), ahead: stay.firstNight > tonightIn(timeZone, now) };
}

type DatesTranslate = (key: 'nights' | 'keptFrom', values: Record<string, string | number>) => string;
export type DatesFormat = { date(night: string): string; dateRange(first: string, last: string): string };
type Door = { checkInFrom: string; checkInUntil: string; checkOutBy: string };

/**
 * "3 nights, 1–3 December; check out by 11:00 on 4 December." and, for a booking ahead, "Your bed is
 * kept from 2 December; check in 14:00–23:00 on 2 December." Nights and days are the shelter's calendar.
 */
export function datesSentences(nights: StayNights, beds: number, door: Door, t: DatesTranslate, format: DatesFormat) {
  const last = addNights(nights.departure, -1);
  const stay = t('nights', {
    count: nights.nights,
    range: nights.nights === 1 ? format.date(nights.firstNight) : format.dateRange(nights.firstNight, last),
    time: door.checkOutBy,
    departure: format.date(nights.departure),
  });
  const date = format.date(nights.firstNight);
  const kept = nights.ahead ? t('keptFrom', { count: beds, date, from: door.checkInFrom, until: door.checkInUntil }) : null;
  return { stay, kept };
}

const dayFormats = new Remembered<string, Intl.DateTimeFormat>(20);
/** Calendar days ("YYYY-MM-DD") in the reader's language: "1–3 декабря", "December 1 – 3", "1 – 3 Aralık". */
export function datesFormat(locale: string): DatesFormat {
  const format =
    dayFormats.get(locale) ?? dayFormats.set(locale, new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long' }));
  // Noon UTC names the same calendar day in any reading.
  const noon = (day: string) => new Date(`${day}T12:00:00Z`);
  return { date: (day) => format.format(noon(day)), dateRange: (first, last) => format.formatRange(noon(first), noon(last)) };
}
