import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared } from '@/db/prepared';
import { arrivals, beds, rooms, shelters, stayBeds, stays } from '@/db/schema';
import { can, reachOf } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { cityTimeZones } from '@/lib/cities/clock';
import { cityScopeOf, type CityScope } from '@/lib/cities/scope';
import { translatedName } from '@/lib/i18n/translated-name';
import { ACTIVE_STAY_STATUSES } from '@/lib/placement/reserve';
import { householdState, mayActOn, revealedTo, shareOf } from '@/lib/privacy/shares';
import { linkIsRequestLink } from '@/lib/requests/request-link';
import { roomNamesOf, type RoomNames } from '@/lib/shelters/room-names';
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
  /** The stay's nights, "YYYY-MM-DD" in the shelter's calendar: first night, and the day it leaves. */
  firstNight: string;
  departure: string;
  checkOutBy: string;
  /** Whether the household holds a live link: its stay's, or the one it asked with (`linkIsRequest`). */
  hasLink: boolean;
  linkIsRequest: boolean;
  beds: HeldBed[];
  household: HouseholdView;
};

/**
 * The cities whose queue the caller looks at: those they hold, or of those the one they chose
 * (`cityId`, already checked to be theirs by lib/households/filters.ts queueCities).
 */
export function queueScope(user: StaffUser, cityId?: string | null): CityScope {
  return cityId ? [cityId] : cityScopeOf(user);
}
const inCities = sql`${arrivals.cityId} in (select value from json_each(${sql.placeholder('cityIds')}))`;

/** Households waiting for a place, longest wait first. An admin gets them unnamed; reveal is per household. */
const waiting = (db: Db) =>
  db
    .select()
    .from(arrivals)
    .where(and(eq(arrivals.status, 'waiting'), isNull(arrivals.erasedAt)))
    .orderBy(asc(arrivals.arrivedAt))
    .prepare();
const waitingIn = (db: Db) =>
  db
    .select()
    .from(arrivals)
    .where(and(eq(arrivals.status, 'waiting'), isNull(arrivals.erasedAt), inCities))
    .orderBy(asc(arrivals.arrivedAt))
    .prepare();

/** The waiting queue of the caller's cities (or the one city chosen of them); `mayActOn` has the last word. */
export function waitingQueue(db: Db, user: StaffUser, now: Date, cityId?: string | null): HouseholdView[] {
  const scope = queueScope(user, cityId);
  const rows = scope === 'all' ? prepared(db, waiting).all() : prepared(db, waitingIn).all({ cityIds: JSON.stringify(scope) });
  const zoneOf = cityTimeZones(db);
  return rows
    .filter((arrival) => mayActOn(user, arrival, null))
    .map((arrival) => householdView(arrival, shareOf(user, arrival, null, false), now, zoneOf(arrival.cityId)));
}

// Staff pages read these on every view: each form of the query is compiled once per connection
// (db/prepared.ts), with the stays it concerns in a placeholder.
const selectStays = (db: Db) =>
  db
    .select({
      stay: stays,
      arrival: arrivals,
      shelterName: shelters.name,
      district: shelters.district,
      timeZone: shelters.timeZone,
      checkOutBy: shelters.checkOutBy,
    })
    .from(stays)
    .innerJoin(arrivals, eq(arrivals.id, stays.arrivalId))
    .innerJoin(shelters, eq(shelters.id, stays.shelterId));
const active = inArray(stays.status, [...ACTIVE_STAY_STATUSES]);
const staysAtShelter = (db: Db) =>
  selectStays(db)
    .where(and(active, eq(stays.shelterId, sql.placeholder('id'))))
    .orderBy(asc(stays.holdUntil))
    .prepare();
const staysOfHousehold = (db: Db) =>
  selectStays(db)
    .where(and(active, eq(stays.arrivalId, sql.placeholder('id'))))
    .prepare();
const reservations = (db: Db) => selectStays(db).where(eq(stays.status, 'reserved')).orderBy(asc(stays.holdUntil)).prepare();
const reservationsIn = (db: Db) =>
  selectStays(db)
    .where(and(eq(stays.status, 'reserved'), inCities))
    .orderBy(asc(stays.holdUntil))
    .prepare();
const reservationsBy = (db: Db) =>
  selectStays(db)
    .where(and(eq(stays.status, 'reserved'), eq(stays.reservedBy, sql.placeholder('id'))))
    .orderBy(asc(stays.holdUntil))
    .prepare();
const bedsHeld = (db: Db) =>
  db
    .select({ stayId: stayBeds.stayId, bedId: beds.id, label: beds.label, roomId: rooms.id, roomName: rooms.name })
    .from(stayBeds)
    .innerJoin(beds, eq(beds.id, stayBeds.bedId))
    .innerJoin(rooms, eq(rooms.id, beds.roomId))
    .where(and(inArray(stayBeds.stayId, sql`(select value from json_each(${sql.placeholder('stayIds')}))`), isNull(stayBeds.releasedAt)))
    .orderBy(asc(rooms.name), asc(beds.label))
    .prepare();
type StayRow = ReturnType<ReturnType<typeof staysAtShelter>['all']>[number];

/** The beds each stay holds now, as "Family room 3", each room named in `locale` where it has a name there. */
export function heldBeds(db: Db, stayIds: string[], locale?: string) {
  const byStay = new Map<string, HeldBed[]>();
  if (stayIds.length === 0) return byStay;
  const rows = prepared(db, bedsHeld).all({ stayIds: JSON.stringify(stayIds) });
  const names = locale
    ? roomNamesOf(
        db,
        rows.map((row) => row.roomId),
      )
    : new Map<string, RoomNames>();
  for (const row of rows) {
    const bed = { bedId: row.bedId, label: row.label, roomName: translatedName(row.roomName, names.get(row.roomId), locale ?? '') };
    byStay.set(row.stayId, [...(byStay.get(row.stayId) ?? []), bed]);
  }
  return byStay;
}

/**
 * The stays among `rows` that the caller may act on, each with its household as the caller
 * receives it, rooms named in `locale`. `revealed` says which households an admin asked to see.
 */
function staysFor(
  db: Db,
  user: StaffUser,
  rows: StayRow[],
  now: Date,
  locale: string | undefined,
  revealed: (arrivalId: string) => boolean = () => false,
): StayView[] {
  const mine = rows.filter(({ stay, arrival }) => mayActOn(user, arrival, stay));
  const zoneOf = cityTimeZones(db);
  const byStay = heldBeds(
    db,
    mine.map((row) => row.stay.id),
    locale,
  );
  return mine.map(({ stay, arrival, shelterName, district, timeZone, checkOutBy }) => ({
    id: stay.id,
    status: stay.status as StayView['status'],
    shelterId: stay.shelterId,
    shelterName,
    district,
    timeZone,
    holdUntil: stay.holdUntil,
    checkedInAt: stay.checkedInAt,
    firstNight: stay.firstNight ?? '',
    departure: stay.departure ?? '',
    checkOutBy,
    hasLink: Boolean(linkIsRequestLink(arrival) ? arrival.requestTokenHash : stay.linkTokenHash),
    linkIsRequest: linkIsRequestLink(arrival),
    beds: byStay.get(stay.id) ?? [],
    household: householdView(arrival, shareOf(user, arrival, stay, revealed(arrival.id)), now, zoneOf(arrival.cityId)),
  }));
}

/**
 * Reservations not yet checked in, and households staying now, at one shelter: all of them for its
 * hosts and admins (an admin unnamed), only their own reservations for a guide.
 */
export function shelterStays(db: Db, user: StaffUser, shelterId: string, now: Date, locale?: string) {
  const all = staysFor(db, user, prepared(db, staysAtShelter).all({ id: shelterId }), now, locale);
  return { expected: all.filter((row) => row.status === 'reserved'), staying: all.filter((row) => row.status === 'checked_in') };
}

/**
 * Reservations still waiting for their household to arrive: a guide's own, or all of them (unnamed) for
 * an admin; of the households of the caller's cities (or the one chosen), wherever they were placed.
 */
export function pendingReservations(db: Db, user: StaffUser, now: Date, cityId?: string | null, locale?: string): StayView[] {
  // A guide lists the households they placed; an admin every reservation of their cities, unnamed.
  if (reachOf(user, 'household.open') === 'ownPlacements') {
    const own = prepared(db, reservationsBy).all({ id: user.id });
    return staysFor(db, user, cityId ? own.filter((row) => row.arrival.cityId === cityId) : own, now, locale);
  }
  // An admin of some cities reads those cities' reservations, not the network's (the queue's scope).
  const scope = queueScope(user, cityId);
  const rows = scope === 'all' ? prepared(db, reservations).all() : prepared(db, reservationsIn).all({ cityIds: JSON.stringify(scope) });
  return staysFor(db, user, rows, now, locale);
}

/** One household with its current stay, or null when the caller may not open it (the same as unknown). */
export function householdForCaller(
  db: Db,
  user: StaffUser,
  arrivalId: string,
  now: Date,
  locale?: string,
): { household: HouseholdView; current: StayView | null } | null {
  const arrival = db.select().from(arrivals).where(eq(arrivals.id, arrivalId)).get();
  const state = householdState(db, arrivalId);
  if (!arrival || !state || !mayActOn(user, state.household, state.stay)) return null;
  const { stay } = state;
  const revealed = revealedTo(db, user, arrival.id, now);
  const current = staysFor(db, user, prepared(db, staysOfHousehold).all({ id: arrivalId }), now, locale, () => revealed)[0] ?? null;
  return { household: householdView(arrival, shareOf(user, arrival, stay, revealed), now), current };
}

const onlineWaiting = (db: Db) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(arrivals)
    .where(and(eq(arrivals.status, 'waiting'), eq(arrivals.selfRegistered, true), isNull(arrivals.erasedAt)))
    .prepare();
const onlineWaitingIn = (db: Db) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(arrivals)
    .where(and(eq(arrivals.status, 'waiting'), eq(arrivals.selfRegistered, true), isNull(arrivals.erasedAt), inCities))
    .prepare();

/**
 * How many people who asked online are waiting, for the header's count: the households of the waiting
 * queue that this caller would see there (of the cities they hold), a number and nothing else. Hosts
 * have no queue: null.
 */
export function onlineRequestCount(db: Db, user: StaffUser): number | null {
  if (!can(user, 'household.list')) return null;
  const scope = cityScopeOf(user);
  const row = scope === 'all' ? prepared(db, onlineWaiting).get() : prepared(db, onlineWaitingIn).get({ cityIds: JSON.stringify(scope) });
  return row?.n ?? 0;
}
