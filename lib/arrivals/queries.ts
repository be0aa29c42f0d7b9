import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { arrivals, beds, rooms, shelters, stayBeds, stays } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { householdState, mayActOn, revealedTo, shareOf } from '@/lib/privacy/shares';
import { ACTIVE_STAY_STATUSES } from '@/lib/placement/reserve';
import { householdView, type HouseholdView } from './views';

// The data-access layer for households: every answer is made for its caller (lib/privacy/shares.ts),
// so a page or component can pass it on whole. No row of `arrivals` or `stays` leaves this module.

export type HeldBed = { bedId: string; label: string; roomName: string };

/** A stay as staff receive it: where, which beds, until when; whether a link is out, never the link. */
export type StayView = {
  id: string;
  status: 'reserved' | 'checked_in';
  shelterId: string;
  shelterName: string;
  district: string;
  timeZone: string;
  holdUntil: Date;
  checkedInAt: Date | null;
  hasLink: boolean;
  beds: HeldBed[];
  household: HouseholdView;
};

/** Households waiting for a place, longest wait first. An admin gets them unnamed; reveal is per household. */
export function waitingQueue(db: Db, user: StaffUser, now: Date): HouseholdView[] {
  return db
    .select()
    .from(arrivals)
    .where(and(eq(arrivals.status, 'waiting'), isNull(arrivals.erasedAt)))
    .orderBy(asc(arrivals.arrivedAt))
    .all()
    .map((arrival) => householdView(arrival, shareOf(user, arrival, null, false), now));
}

/** The beds each stay holds now, as "Family room 3". */
function heldBeds(db: Db, stayIds: string[]) {
  if (stayIds.length === 0) return new Map<string, HeldBed[]>();
  const rows = db
    .select({ stayId: stayBeds.stayId, bedId: beds.id, label: beds.label, roomName: rooms.name })
    .from(stayBeds)
    .innerJoin(beds, eq(beds.id, stayBeds.bedId))
    .innerJoin(rooms, eq(rooms.id, beds.roomId))
    .where(and(inArray(stayBeds.stayId, stayIds), isNull(stayBeds.releasedAt)))
    .orderBy(asc(rooms.name), asc(beds.label))
    .all();
  const byStay = new Map<string, HeldBed[]>();
  for (const row of rows) byStay.set(row.stayId, [...(byStay.get(row.stayId) ?? []), { bedId: row.bedId, label: row.label, roomName: row.roomName }]);
  return byStay;
}

/**
 * Active stays matching `where` that the caller may act on, each with its household as the caller
 * receives it. `revealed` says which households an admin asked to see.
 */
function activeStays(db: Db, user: StaffUser, where: SQL | undefined, now: Date, revealed: (arrivalId: string) => boolean = () => false): StayView[] {
  const rows = db
    .select({ stay: stays, arrival: arrivals, shelterName: shelters.name, district: shelters.district, timeZone: shelters.timeZone })
    .from(stays)
    .innerJoin(arrivals, eq(arrivals.id, stays.arrivalId))
    .innerJoin(shelters, eq(shelters.id, stays.shelterId))
    .where(and(inArray(stays.status, [...ACTIVE_STAY_STATUSES]), where))
    .orderBy(asc(stays.holdUntil))
    .all()
    .filter(({ stay, arrival }) => mayActOn(user, arrival, stay));
  const byStay = heldBeds(db, rows.map((row) => row.stay.id));
  return rows.map(({ stay, arrival, shelterName, district, timeZone }) => ({
    id: stay.id,
    status: stay.status as StayView['status'],
    shelterId: stay.shelterId,
    shelterName,
    district,
    timeZone,
    holdUntil: stay.holdUntil,
    checkedInAt: stay.checkedInAt,
    hasLink: Boolean(stay.linkTokenHash),
    beds: byStay.get(stay.id) ?? [],
    household: householdView(arrival, shareOf(user, arrival, stay, revealed(arrival.id)), now),
  }));
}

/**
 * Reservations not yet checked in, and households staying now, at one shelter: all of them for its
 * hosts and admins (an admin unnamed), only their own reservations for a guide.
 */
export function shelterStays(db: Db, user: StaffUser, shelterId: string, now: Date) {
  const all = activeStays(db, user, eq(stays.shelterId, shelterId), now);
  return { expected: all.filter((row) => row.status === 'reserved'), staying: all.filter((row) => row.status === 'checked_in') };
}

/** Reservations still waiting for their household to arrive: a guide's own, or all of them (unnamed) for an admin. */
export function pendingReservations(db: Db, user: StaffUser, now: Date): StayView[] {
  const mine = user.role === 'coordinator' ? eq(stays.reservedBy, user.id) : undefined;
  return activeStays(db, user, and(eq(stays.status, 'reserved'), mine), now);
}

/** One household with its current stay, or null when the caller may not open it (the same as unknown). */
export function householdForCaller(db: Db, user: StaffUser, arrivalId: string, now: Date): { household: HouseholdView; current: StayView | null } | null {
  const arrival = db.select().from(arrivals).where(eq(arrivals.id, arrivalId)).get();
  const state = householdState(db, arrivalId);
  if (!arrival || !state || !mayActOn(user, state.household, state.stay)) return null;
  const { stay } = state;
  const revealed = revealedTo(db, user, arrival.id, now);
  const current = activeStays(db, user, eq(stays.arrivalId, arrivalId), now, () => revealed)[0] ?? null;
  return { household: householdView(arrival, shareOf(user, arrival, stay, revealed), now), current };
}
