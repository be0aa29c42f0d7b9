export type ArrivalStatus = { kind: 'held'; beds: number; until: Date } | { kind: 'checkedIn' } | { kind: 'ended' };

/** What the arrival's page says about their reservation at `now`. */
export function arrivalStatus(stay: { status: string; holdUntil: Date }, heldBeds: number, now: Date): ArrivalStatus {
  if (stay.status === 'checked_in') return { kind: 'checkedIn' };
  if (stay.status === 'reserved' && stay.holdUntil > now) return { kind: 'held', beds: heldBeds, until: stay.holdUntil };
  return { kind: 'ended' };
}

type Translate = (key: 'held' | 'checkedIn' | 'ended', values?: Record<string, string | number>) => string;
type Format = { dateTime(d: Date, o: Intl.DateTimeFormatOptions): string; relativeTime(d: Date, now: Date): string };

/** "3 beds are held for you until 22:00 (in 5 hours)", "You are checked in", "This reservation has ended". */
export function statusSentence(status: ArrivalStatus, t: Translate, format: Format, timeZone: string, now: Date): string {
  if (status.kind === 'checkedIn') return t('checkedIn');
  if (status.kind === 'ended') return t('ended');
  return t('held', {
    count: status.beds,
    time: format.dateTime(status.until, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    relative: format.relativeTime(status.until, now),
  });
}
