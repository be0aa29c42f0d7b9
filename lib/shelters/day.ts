import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared } from '@/db/prepared';
import { arrivals, stays } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { addNights, tonightIn, type Night } from '@/lib/calendar/nights';
import type { GuestSaid } from '@/lib/guest-link/guest-said';
import { heldBeds, type HeldBed } from '@/lib/households/queries';
import { householdView, type HouseholdView } from '@/lib/households/views';
import { checkOutAt, type DoorRules } from '@/lib/nights/door';
import { freshExtensions, type FreshExtension } from '@/lib/placement/one-more-night';
import { mayActOn, shareOf } from '@/lib/privacy/shares';

// The host's day: who is expected (tonight first, then later nights), who leaves today or tomorrow,
// who stayed past their departure.
// Every household in it is made for the caller (lib/privacy/shares.ts): a host gets alias and need
// note, never the contact; an admin gets counts only.

export type DayStay = {
  id: string;
  status: 'reserved' | 'checked_in';
  firstNight: Night | null;
  departure: Night | null;
  holdUntil: Date;
  /** A reservation whose first night is tonight (or already began): it can be checked in now. */
  tonight: boolean;
  /** What the guest last said on their link ("on my way", "late, about 23:30"). */
  guestSaid: GuestSaid | null;
  beds: HeldBed[];
  household: HouseholdView;
  /** The caller's "one more night" on this stay that can still be undone. */
  extension: FreshExtension | null;
};
export type HostDay = {
  today: Night;
  tomorrow: Night;
  /** When a guest leaving today is expected out, in UTC. */
  checkOutAt: Date;
  expected: DayStay[];
  leavingToday: DayStay[];
  leavingTomorrow: DayStay[];
  overdue: DayStay[];
};
type Dated = { status: string; firstNight: Night | null; departure: Night | null };
type Lists = 'expected' | 'leavingToday' | 'leavingTomorrow' | 'overdue';

/**
 * Which list of the day a live stay belongs in, if any. Every reservation still held is expected,
 * tonight's and later nights' alike (the list says which night); a checked-in guest is overdue once their departure day is past, or it is today and the door's
 * check-out time has gone by.
 */
export function dayListOf(stay: Dated, today: Night, checkOutPassed: boolean): Lists | null {
  if (stay.status === 'reserved') return 'expected';
  if (stay.status !== 'checked_in' || !stay.departure) return null;
  if (stay.departure < today || (stay.departure === today && checkOutPassed)) return 'overdue';
  if (stay.departure === today) return 'leavingToday';
  return stay.departure === addNights(today, 1) ? 'leavingTomorrow' : null;
}

const liveStays = (db: Db) =>
  db
    .select({ stay: stays, arrival: arrivals })
    .from(stays)
    .innerJoin(arrivals, eq(arrivals.id, stays.arrivalId))
    .where(and(eq(stays.shelterId, sql.placeholder('shelterId')), inArray(stays.status, ['reserved', 'checked_in'])))
    .orderBy(asc(stays.departure), asc(stays.holdUntil))
    .prepare();

/** The day at a shelter, as `user` may see it: only the stays they may act on, each made for them, rooms named in `locale`. */
export function hostDay(db: Db, user: StaffUser, shelter: DoorRules & { id: string }, now: Date, locale?: string): HostDay {
  const today = tonightIn(shelter.timeZone, now);
  const out = checkOutAt(shelter, today);
  const day: HostDay = {
    today,
    tomorrow: addNights(today, 1),
    checkOutAt: out,
    expected: [],
    leavingToday: [],
    leavingTomorrow: [],
    overdue: [],
  };
  const live = prepared(db, liveStays)
    .all({ shelterId: shelter.id })
    .filter((row) => mayActOn(user, row.arrival, row.stay));
  const extensions = freshExtensions(
    db,
    user,
    live.map((row) => row.stay.id),
    now,
  );
  // A stay given one more night a moment ago stays in the list where the host tapped, with its new
  // date and the undo, rather than jumping to another list or out of the day.
  const rows = live
    .map((row) => {
      const extension = extensions.get(row.stay.id);
      const dated = extension ? { ...row.stay, departure: extension.departureBefore } : row.stay;
      return { ...row, list: dayListOf(dated, today, now >= out) };
    })
    .filter((row) => row.list);
  if (rows.length === 0) return day;
  const byStay = heldBeds(
    db,
    rows.map((row) => row.stay.id),
    locale,
  );
  for (const { stay, arrival, list } of rows) {
    day[list!].push({
      id: stay.id,
      status: stay.status as DayStay['status'],
      firstNight: stay.firstNight,
      departure: stay.departure,
      holdUntil: stay.holdUntil,
      tonight: !stay.firstNight || stay.firstNight <= today,
      guestSaid: stay.guestSaid && stay.guestSaidAt ? { said: stay.guestSaid, at: stay.guestSaidAt, eta: stay.guestEta } : null,
      beds: byStay.get(stay.id) ?? [],
      household: householdView(arrival, shareOf(user, arrival, stay, false), now),
      extension: extensions.get(stay.id) ?? null,
    });
  }
  day.expected.sort(byArrival);
  return day;
}

/** Tonight's first, then by night; within a night, by when they should come: what they said, else their landing. */
function byArrival(a: DayStay, b: DayStay): number {
  const night = (stay: DayStay) => (stay.tonight ? '' : (stay.firstNight ?? ''));
  const when = (stay: DayStay) => (stay.guestSaid?.eta ?? stay.household.expectedAt ?? stay.household.arrivedAt).getTime();
  return night(a).localeCompare(night(b)) || when(a) - when(b);
}
