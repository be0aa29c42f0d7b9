import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { arrivals, beds, rooms, shelters, stayBeds, stays } from '@/db/schema';
import { householdSize } from '@/lib/matching/types';
import { minutesSince } from '@/lib/time';
import { ACTIVE_STAY_STATUSES } from '@/lib/placement/reserve';

type ArrivalRow = typeof arrivals.$inferSelect;

export function describeHousehold(arrival: ArrivalRow, now: Date) {
  return {
    ...arrival,
    size: householdSize(arrival),
    waitedMinutes: minutesSince(arrival.arrivedAt.getTime(), now),
  };
}
export type HouseholdView = ReturnType<typeof describeHousehold>;

/** Households waiting for a place, longest wait first. */
export function waitingQueue(db: Db, now: Date): HouseholdView[] {
  return db
    .select()
    .from(arrivals)
    .where(and(eq(arrivals.status, 'waiting'), isNull(arrivals.erasedAt)))
    .orderBy(asc(arrivals.arrivedAt))
    .all()
    .map((arrival) => describeHousehold(arrival, now));
}

/** The beds each stay holds now, as "Family room 3". */
function heldBeds(db: Db, stayIds: string[]) {
  if (stayIds.length === 0) return new Map<string, { bedId: string; label: string; roomName: string }[]>();
  const rows = db
    .select({ stayId: stayBeds.stayId, bedId: beds.id, label: beds.label, roomName: rooms.name })
    .from(stayBeds)
    .innerJoin(beds, eq(beds.id, stayBeds.bedId))
    .innerJoin(rooms, eq(rooms.id, beds.roomId))
    .where(and(inArray(stayBeds.stayId, stayIds), isNull(stayBeds.releasedAt)))
    .orderBy(asc(rooms.name), asc(beds.label))
    .all();
  const byStay = new Map<string, { bedId: string; label: string; roomName: string }[]>();
  for (const row of rows) byStay.set(row.stayId, [...(byStay.get(row.stayId) ?? []), row]);
  return byStay;
}

/** Stays matching `where`, each with its household, its shelter's name and zone, and the beds it holds. */
function staysWithBeds(db: Db, where: SQL | undefined) {
  const rows = db
    .select({ stay: stays, arrival: arrivals, shelterName: shelters.name, district: shelters.district, timeZone: shelters.timeZone })
    .from(stays)
    .innerJoin(arrivals, eq(arrivals.id, stays.arrivalId))
    .innerJoin(shelters, eq(shelters.id, stays.shelterId))
    .where(where)
    .orderBy(asc(stays.holdUntil))
    .all();
  const byStay = heldBeds(db, rows.map((row) => row.stay.id));
  return rows.map((row) => ({ ...row, beds: byStay.get(row.stay.id) ?? [] }));
}

const active = inArray(stays.status, [...ACTIVE_STAY_STATUSES]);

/** Reservations not yet checked in, and households staying now, at one shelter. */
export function shelterStays(db: Db, shelterId: string) {
  const all = staysWithBeds(db, and(eq(stays.shelterId, shelterId), active));
  return { expected: all.filter((row) => row.stay.status === 'reserved'), staying: all.filter((row) => row.stay.status === 'checked_in') };
}

/** Reservations across the network that are still waiting for their household to arrive. */
export function pendingReservations(db: Db) {
  return staysWithBeds(db, eq(stays.status, 'reserved'));
}

/** One household with its current stay, if any. */
export function arrivalWithStay(db: Db, arrivalId: string) {
  const arrival = db.select().from(arrivals).where(eq(arrivals.id, arrivalId)).get();
  if (!arrival) return null;
  return { arrival, current: staysWithBeds(db, and(eq(stays.arrivalId, arrivalId), active))[0] ?? null };
}
