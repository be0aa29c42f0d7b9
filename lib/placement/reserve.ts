import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared } from '@/db/prepared';
import { arrivals, stayBeds, stays } from '@/db/schema';
import { newId } from '@/db/schema/columns';
import { recordAudit } from '@/lib/audit';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { dayStart } from '@/lib/calendar/days';
import { tonightIn, type NightRange } from '@/lib/calendar/nights';
import { DomainError, notAllowed } from '@/lib/errors';
import { holdUntilFor } from '@/lib/nights/door';
import { bookNights } from '@/lib/nights/ledger';
import { isGuestInBedRefusal } from '@/lib/nights/overdue';
import { checkNights, defaultNights } from '@/lib/nights/stay-dates';
import { mayActOn } from '@/lib/privacy/shares';
import { linkIsRequestLink } from '@/lib/requests/request-link';
import { checkBedChoice } from './bed-choice';
import { auditActionFor, checkPlacementCity } from './city-rule';
import { expireHolds } from './expiry';
import { newLink } from './links';

export const ACTIVE_STAY_STATUSES = ['reserved', 'checked_in'] as const;
export const isActiveStay = (stay: { status: string }) => (ACTIVE_STAY_STATUSES as readonly string[]).includes(stay.status);

/** A request withdrawn by the person or judged not genuine is out of the queue for good. */
export const isWithdrawn = (arrival: { status: string }) =>
  arrival.status === 'cancelled' || arrival.status === 'not_genuine' || arrival.status === 'mistaken';

// The reservation's own statements, compiled once per connection (db/prepared.ts).
// The household with, in the same read, whether it already holds beds.
const householdToPlace = (db: Db) =>
  db
    .select({ arrival: arrivals, activeStayId: stays.id })
    .from(arrivals)
    .leftJoin(stays, and(eq(stays.arrivalId, arrivals.id), inArray(stays.status, [...ACTIVE_STAY_STATUSES])))
    .where(eq(arrivals.id, sql.placeholder('id')))
    .prepare();
const insertStay = (db: Db) =>
  db
    .insert(stays)
    .values({
      id: sql.placeholder('id'),
      arrivalId: sql.placeholder('arrivalId'),
      shelterId: sql.placeholder('shelterId'),
      status: 'reserved',
      holdUntil: sql.placeholder('holdUntil'),
      firstNight: sql.placeholder('firstNight'),
      departure: sql.placeholder('departure'),
      reservedBy: sql.placeholder('reservedBy'),
      createdAt: sql.placeholder('createdAt'),
      linkTokenHash: sql.placeholder('linkTokenHash'),
      // Milliseconds as stored: a null placeholder (no link of its own) cannot pass drizzle's date mapping.
      linkExpiresAt: sql`${sql.placeholder('linkExpiresAtMs')}`,
    })
    .prepare();
const insertHold = (db: Db) =>
  db
    .insert(stayBeds)
    .values({ stayId: sql.placeholder('stayId'), bedId: sql.placeholder('bedId'), heldAt: sql.placeholder('heldAt') })
    .prepare();
const markPlaced = (db: Db) =>
  db
    .update(arrivals)
    .set({ status: 'placed' })
    .where(eq(arrivals.id, sql.placeholder('id')))
    .prepare();

/** Erased, or withdrawn from the queue: not a household anyone can act on. */
const isGone = (arrival: typeof arrivals.$inferSelect) => !!arrival.erasedAt || isWithdrawn(arrival);

export function householdOf(db: Db, arrivalId: string) {
  const arrival = db.select().from(arrivals).where(eq(arrivals.id, arrivalId)).get();
  if (!arrival || isGone(arrival)) throw new DomainError('notFound');
  return arrival;
}

export function activeStayOf(db: Db, arrivalId: string) {
  return db
    .select()
    .from(stays)
    .where(and(eq(stays.arrivalId, arrivalId), inArray(stays.status, [...ACTIVE_STAY_STATUSES])))
    .get();
}

/**
 * Holds the beds for a stay's nights: stay_beds records which beds it holds from now, bed_nights books
 * each bed for each night. If another stay holds one of those bed-nights already, the primary key
 * refuses it and the caller sees "those beds were just taken", even if a check before were ever wrong;
 * a bed a checked-in guest still holds is refused by migration 0012's triggers.
 */
export function holdBeds(db: Db, stayId: string, bedIds: string[], range: NightRange, heldAt: Date): void {
  const hold = prepared(db, insertHold);
  try {
    for (const bedId of new Set(bedIds)) hold.run({ stayId, bedId, heldAt });
  } catch (error) {
    if (isGuestInBedRefusal(error)) throw new DomainError('guestStillInBed', 'bedIds');
    throw error;
  }
  bookNights(db, stayId, bedIds, range);
}

/**
 * Holds beds for a household's nights (chosen, or worked out from its expected arrival and the
 * shelter's usual stay), until the first night's door closes, and issues the arrival's link (none when it asked
 * online: the link it asked with shows the stay, lib/requests/request-link.ts). Must run in
 * one BEGIN IMMEDIATE transaction: the checks and the insert see the same database, and the unique
 * index on active holds refuses a double booking even if a check were ever wrong.
 *
 * Every writer waits for this transaction, so it is kept to as few statements and as few touched
 * pages as it can be (decision 0001, docs/decisions/): three reads, one row per table written, and one
 * audit event, as the link comes with the reservation.
 */
export function reserveBeds(
  db: Db,
  user: StaffUser,
  input: { arrivalId: string; bedIds: string[]; firstNight?: string | null; departure?: string | null; elsewhere?: boolean },
  now: Date,
): { stayId: string; token: string | null; holdUntil: Date; shelterId: string; languages: string[]; range: NightRange } {
  if (!can(user, 'household.place')) throw notAllowed();
  expireHolds(db, now);
  const found = prepared(db, householdToPlace).get({ id: input.arrivalId });
  // Another city's household looks unknown, whatever its state.
  if (!found || isGone(found.arrival) || !can(user, 'household.place', { city: found.arrival.cityId })) throw new DomainError('notFound');
  if (found.activeStayId) throw new DomainError('alreadyPlaced');
  // A household that has left is no one's to place again (lib/privacy/shares.ts decides for pages too).
  if (!mayActOn(user, found.arrival, null)) throw new DomainError('notFound');
  const { arrival } = found;
  const {
    shelter,
    range,
    placement: kind,
  } = checkBedChoice(db, arrival, input.bedIds, {
    // Another city's shelter is a deliberate choice, and only where the household is going or the caller works.
    mayPlaceIn: (shelter) => checkPlacementCity(user, arrival, shelter.cityId, !!input.elsewhere),
    nightsIn: (shelter) =>
      checkNights(shelter, defaultNights(shelter, { ...input, nights: arrival.nightsWanted, expectedAt: arrival.expectedAt }, now), now),
  });
  const holdUntil = holdUntilFor(shelter, range.firstNight);
  const stayId = newId();
  // A household that asked online already holds its one link, and that link now shows this stay.
  const link = linkIsRequestLink(arrival) ? null : newLink(now);
  prepared(db, insertStay).run({
    id: stayId,
    arrivalId: arrival.id,
    shelterId: shelter.id,
    holdUntil,
    firstNight: range.firstNight,
    departure: range.departure,
    reservedBy: user.id,
    createdAt: now,
    linkTokenHash: link?.hash ?? null,
    linkExpiresAtMs: link?.expiresAt.getTime() ?? null,
  });
  // A booking ahead holds its beds, for occupancy history, from the start of its first night's day.
  const heldAt = range.firstNight > tonightIn(shelter.timeZone, now) ? new Date(dayStart(range.firstNight, shelter.timeZone)) : now;
  holdBeds(db, stayId, input.bedIds, range, heldAt);
  prepared(db, markPlaced).run({ id: arrival.id });
  recordAudit(db, { at: now, actorId: user.id, action: auditActionFor(kind), entity: 'stay', entityId: stayId, shelterId: shelter.id });
  return { stayId, token: link?.token ?? null, holdUntil, shelterId: shelter.id, languages: arrival.languages, range };
}
