import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { arrivals, shelters, stayBeds, stays } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { tonightIn, type NightRange } from '@/lib/calendar/nights';
import { DomainError, notAllowed } from '@/lib/errors';
import { holdUntilFor } from '@/lib/nights/door';
import { releaseNights } from '@/lib/nights/ledger';
import { guestInBeds } from '@/lib/nights/overdue';
import { checkNights, type StayRules } from '@/lib/nights/stay-dates';
import { issueRequestLink, linkIsRequestLink, revokeRequestLink } from '@/lib/requests/request-link';
import { checkBedChoice } from './bed-choice';
import { checkPlacementCity, type PlacementKind } from './city-rule';
import { expireHolds } from './expiry';
import { issueLink, revokeLink } from './links';
import { holdBeds, householdOf, isActiveStay } from './reserve';

type Stay = typeof stays.$inferSelect;

/**
 * The stay, if the caller may do this to it: change it (whoever may act on its household, the rule
 * the pages use too), or check its guests in and out (that, and the shelter's own staff). Unknown and
 * forbidden look alike.
 */
export function stayFor(db: Db, user: StaffUser, stayId: string, permission: 'stay.change' | 'stay.checkIn'): Stay {
  const found = db
    .select({
      stay: stays,
      household: { status: arrivals.status, erasedAt: arrivals.erasedAt, cityId: arrivals.cityId },
      shelterCityId: shelters.cityId,
    })
    .from(stays)
    .innerJoin(arrivals, eq(arrivals.id, stays.arrivalId))
    .innerJoin(shelters, eq(shelters.id, stays.shelterId))
    .where(eq(stays.id, stayId))
    .get();
  const allowed =
    !!found &&
    can(user, 'stay.change', { household: found.household, stay: found.stay }) &&
    (permission === 'stay.change' || can(user, permission, { shelter: { id: found.stay.shelterId, cityId: found.shelterCityId } }));
  if (!found || !allowed) throw notAllowed();
  return found.stay;
}

/** The stay lets go of its beds: every night it held is free again, and stay_beds records when. */
export function releaseBeds(db: Db, stayId: string, at: Date) {
  releaseNights(db, stayId);
  db.update(stayBeds)
    .set({ releasedAt: at })
    .where(and(eq(stayBeds.stayId, stayId), isNull(stayBeds.releasedAt)))
    .run();
}

export const audit = (db: Db, user: StaffUser, action: string, stay: Stay, now: Date) =>
  recordAudit(db, { at: now, actorId: user.id, action, entity: 'stay', entityId: stay.id, shelterId: stay.shelterId });

export function checkIn(db: Db, user: StaffUser, stayId: string, now: Date): Stay {
  const stay = stayFor(db, user, stayId, 'stay.checkIn');
  if (stay.status === 'reserved' && stay.holdUntil <= now) throw new DomainError('stayExpired');
  if (stay.status !== 'reserved') throw new DomainError('stayNotReserved');
  const shelter = db.select({ timeZone: shelters.timeZone }).from(shelters).where(eq(shelters.id, stay.shelterId)).get()!;
  // A booking ahead holds its beds from its first night only; someone early needs another bed tonight.
  if (stay.firstNight && stay.firstNight > tonightIn(shelter.timeZone, now))
    throw new DomainError('notTheirNightYet', undefined, { night: stay.firstNight });
  // Someone still checked in to one of its beds (past their departure) is checked out or moved first;
  // the database refuses the check-in too (migration 0012).
  const beds = db
    .select({ bedId: stayBeds.bedId })
    .from(stayBeds)
    .where(and(eq(stayBeds.stayId, stay.id), isNull(stayBeds.releasedAt)))
    .all();
  if (
    guestInBeds(
      db,
      beds.map((bed) => bed.bedId),
      stay.id,
    )
  )
    throw new DomainError('bedStillOccupied');
  db.update(stays).set({ status: 'checked_in', checkedInAt: now }).where(eq(stays.id, stay.id)).run();
  audit(db, user, 'stay.check_in', stay, now);
  return stay;
}

/** Ends a stay: its beds are free again at once, the remaining nights of an early departure too. */
export function checkOut(db: Db, user: StaffUser, stayId: string, now: Date): Stay {
  const stay = stayFor(db, user, stayId, 'stay.checkIn');
  if (stay.status !== 'checked_in') throw new DomainError('stayNotCheckedIn');
  db.update(stays).set({ status: 'checked_out', checkedOutAt: now, endedAt: now }).where(eq(stays.id, stay.id)).run();
  releaseBeds(db, stay.id, now);
  db.update(arrivals).set({ status: 'left', endedAt: now }).where(eq(arrivals.id, stay.arrivalId)).run();
  audit(db, user, 'stay.check_out', stay, now);
  return stay;
}

/** Cancels a reservation; the household goes back to the waiting queue. */
export function cancelStay(db: Db, user: StaffUser, stayId: string, now: Date): Stay {
  const stay = stayFor(db, user, stayId, 'stay.change');
  if (stay.status !== 'reserved') throw new DomainError('stayNotReserved');
  // The link keeps working, so the arrival reads "This reservation has ended" rather than a dead link.
  db.update(stays).set({ status: 'cancelled', endedAt: now }).where(eq(stays.id, stay.id)).run();
  releaseBeds(db, stay.id, now);
  db.update(arrivals).set({ status: 'waiting' }).where(eq(arrivals.id, stay.arrivalId)).run();
  audit(db, user, 'stay.cancel', stay, now);
  return stay;
}

/**
 * The nights a moved stay still needs: from tonight (or its first night, if that is still ahead) to
 * its departure, checked against the new shelter's rules. A guest already checked in keeps tonight
 * even after the door has closed.
 */
function nightsLeft(shelter: StayRules, stay: Stay, departure: string, now: Date): NightRange {
  const tonight = tonightIn(shelter.timeZone, now);
  const firstNight = stay.firstNight! > tonight ? stay.firstNight! : tonight;
  return checkNights(shelter, { firstNight, departure }, now, {
    keepFirstNight: stay.status === 'checked_in' ? firstNight : stay.firstNight!,
  });
}

/**
 * Moves a household to other beds, for the nights it has left, with a new departure if one is given
 * (an extension that collided on its own beds). Within the shelter the stay keeps its status; to
 * another shelter (guides only) the old stay is cancelled and a new reservation takes over the same
 * link, so the arrival's page keeps working and shows the new place.
 */
export function moveStay(
  db: Db,
  user: StaffUser,
  input: { stayId: string; bedIds: string[]; departure?: string | null; elsewhere?: boolean },
  now: Date,
): Stay {
  expireHolds(db, now);
  const stay = stayFor(db, user, input.stayId, 'stay.change');
  if (!isActiveStay(stay)) throw new DomainError('stayNotActive');
  const household = householdOf(db, stay.arrivalId);
  const departure = input.departure || stay.departure!;
  const { shelter, range, placement } = checkBedChoice(db, household, input.bedIds, {
    keepStayId: stay.id,
    // Another shelter is for guides only, by the reservation's city rule: another city's shelter only
    // on purpose, where they go or the guide works.
    mayPlaceIn: (target): PlacementKind => {
      if (target.id === stay.shelterId) return 'home';
      if (!can(user, 'household.place')) throw notAllowed();
      return checkPlacementCity(user, household, target.cityId, !!input.elsewhere);
    },
    nightsIn: (shelter) => nightsLeft(shelter, stay, departure, now),
  });
  const bedIds = [...new Set(input.bedIds)];
  const current = db
    .select({ bedId: stayBeds.bedId })
    .from(stayBeds)
    .where(and(eq(stayBeds.stayId, stay.id), isNull(stayBeds.releasedAt)))
    .all()
    .map((row) => row.bedId);
  const sameBeds = current.length === bedIds.length && current.every((id) => bedIds.includes(id));
  if (sameBeds && departure === stay.departure) throw new DomainError('sameBeds', 'bedIds');
  let target = stay;
  if (shelter.id !== stay.shelterId) {
    db.update(stays)
      .set({ status: 'cancelled', endedAt: now, linkTokenHash: null, linkExpiresAt: null })
      .where(eq(stays.id, stay.id))
      .run();
    releaseBeds(db, stay.id, now);
    target = db
      .insert(stays)
      .values({
        arrivalId: stay.arrivalId,
        shelterId: shelter.id,
        status: 'reserved',
        // A household sent elsewhere gets at least the shelter's hold hours to get there.
        holdUntil: new Date(Math.max(holdUntilFor(shelter, range.firstNight).getTime(), now.getTime() + shelter.holdHours * 3600_000)),
        firstNight: range.firstNight,
        departure: range.departure,
        linkTokenHash: stay.linkTokenHash,
        linkExpiresAt: stay.linkExpiresAt,
        reservedBy: user.id,
        createdAt: now,
      })
      .returning()
      .get();
  } else {
    releaseBeds(db, stay.id, now);
    if (departure !== stay.departure) target = db.update(stays).set({ departure }).where(eq(stays.id, stay.id)).returning().get();
  }
  holdBeds(db, target.id, bedIds, range, now);
  audit(db, user, 'stay.move', target, now);
  if (placement !== 'home') audit(db, user, 'stay.reserve_elsewhere', target, now);
  return target;
}

/**
 * Revokes the household's link and issues a new one, shown once to the guide: its stay's link, or the
 * link it asked with when it asked online (lib/requests/request-link.ts: one live link per household).
 */
export function renewStayLink(
  db: Db,
  user: StaffUser,
  stayId: string,
  now: Date,
): { token: string; languages: string[]; kind: 'stay' | 'request' } {
  const stay = stayFor(db, user, stayId, 'stay.change');
  if (!isActiveStay(stay)) throw new DomainError('stayNotActive');
  const household = householdOf(db, stay.arrivalId);
  if (linkIsRequestLink(household))
    return { token: issueRequestLink(db, household.id, user.id, now), languages: household.languages, kind: 'request' };
  return { token: issueLink(db, stay, user.id, now), languages: household.languages, kind: 'stay' };
}

export function revokeStayLink(db: Db, user: StaffUser, stayId: string, now: Date): void {
  const stay = stayFor(db, user, stayId, 'stay.change');
  const household = householdOf(db, stay.arrivalId);
  if (linkIsRequestLink(household)) return revokeRequestLink(db, household, user.id, now);
  if (!stay.linkTokenHash) throw new DomainError('linkAlreadyRevoked');
  revokeLink(db, stay, user.id, now);
}
