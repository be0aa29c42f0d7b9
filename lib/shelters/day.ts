import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared } from '@/db/prepared';
import { arrivals, stays } from '@/db/schema';
import { heldBeds, type HeldBed } from '@/lib/arrivals/queries';
import { householdView, type HouseholdView } from '@/lib/arrivals/views';
import type { StaffUser } from '@/lib/auth/staff';
import { addNights, tonightIn, type Night } from '@/lib/nights/calendar';
import { checkOutAt, type DoorRules } from '@/lib/nights/door';
import { mayActOn, shareOf } from '@/lib/privacy/shares';

// The host's day: who comes tonight, who leaves today or tomorrow, who stayed past their departure.
// Every household in it is made for the caller (lib/privacy/shares.ts): a host gets alias and need
// note, never the contact; an admin gets counts only.

export type DayStay = {
  id: string;
  status: 'reserved' | 'checked_in';
  firstNight: Night | null;
  departure: Night | null;
  holdUntil: Date;
  beds: HeldBed[];
  household: HouseholdView;
};
export type HostDay = {
  today: Night;
  tomorrow: Night;
  /** When a guest leaving today is expected out, in UTC. */
  checkOutAt: Date;
  arriving: DayStay[];
  leavingToday: DayStay[];
  leavingTomorrow: DayStay[];
  overdue: DayStay[];
};
type Dated = { status: string; firstNight: Night | null; departure: Night | null };
type Lists = 'arriving' | 'leavingToday' | 'leavingTomorrow' | 'overdue';

/**
 * Which list of the day a live stay belongs in, if any. A reservation is arriving from its first
 * night on for as long as it still holds (a stay from before nights had dates counts as tonight's);
 * a checked-in guest is overdue once their departure day is past, or it is today and the door's
 * check-out time has gone by.
 */
export function dayListOf(stay: Dated, today: Night, checkOutPassed: boolean): Lists | null {
  if (stay.status === 'reserved') return !stay.firstNight || stay.firstNight <= today ? 'arriving' : null;
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

/** The day at a shelter, as `user` may see it: only the stays they may act on, each made for them. */
export function hostDay(db: Db, user: StaffUser, shelter: DoorRules & { id: string }, now: Date): HostDay {
  const today = tonightIn(shelter.timeZone, now);
  const out = checkOutAt(shelter, today);
  const day: HostDay = { today, tomorrow: addNights(today, 1), checkOutAt: out, arriving: [], leavingToday: [], leavingTomorrow: [], overdue: [] };
  const rows = prepared(db, liveStays)
    .all({ shelterId: shelter.id })
    .map((row) => ({ ...row, list: dayListOf(row.stay, today, now >= out) }))
    .filter((row) => row.list && mayActOn(user, row.arrival, row.stay));
  if (rows.length === 0) return day;
  const byStay = heldBeds(db, rows.map((row) => row.stay.id));
  for (const { stay, arrival, list } of rows) {
    day[list!].push({
      id: stay.id,
      status: stay.status as DayStay['status'],
      firstNight: stay.firstNight,
      departure: stay.departure,
      holdUntil: stay.holdUntil,
      beds: byStay.get(stay.id) ?? [],
      household: householdView(arrival, shareOf(user, arrival, stay, false), now),
    });
  }
  return day;
}
