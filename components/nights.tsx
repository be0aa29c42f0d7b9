'use client';

import { useFormatter } from 'next-intl';

// A night is a calendar day, not an instant: formatted at noon UTC it reads as the same day everywhere.
const asDate = (night: string) => new Date(`${night}T12:00:00Z`);

/** Nights and their ranges in the reader's language: "2 Dec", "2–4 Dec". */
export function useNightFormat() {
  const format = useFormatter();
  const day = (night: string) => format.dateTime(asDate(night), { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const range = (first: string, last: string) =>
    first === last ? day(first) : format.dateTimeRange(asDate(first), asDate(last), { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return { day, range };
}
