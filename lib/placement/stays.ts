import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { arrivals, stayBeds, stays } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { canEditShelter, type StaffUser } from '@/lib/auth/staff';
import { DomainError, notAllowed } from '@/lib/errors';
import { mayActOn } from '@/lib/privacy/shares';
import { checkBedChoice } from './bed-choice';
import { expireHolds } from './expiry';
import { issueLink, revokeLink } from './links';
import { holdBeds, holdUntilAt, householdOf, isActiveStay } from './reserve';

type Stay = typeof stays.$inferSelect;
const isGuide = (user: StaffUser) => user.role === 'coordinator' || user.role === 'admin';

/**
 * The stay, if the caller may act on its household (lib/privacy/shares.ts, the rule the pages use
 * too); check-in and check-out are for the shelter's own staff. Unknown and forbidden look alike.
 */
function stayFor(db: Db, user: StaffUser, stayId: string, who: 'host' | 'guideOrHost'): Stay {
  const found = db
    .select({ stay: stays, household: { status: arrivals.status, erasedAt: arrivals.erasedAt } })
    .from(stays)
    .innerJoin(arrivals, eq(arrivals.id, stays.arrivalId))
    .where(eq(stays.id, stayId))
    .get();
  const allowed = !!found && mayActOn(user, found.household, found.stay) && (who === 'guideOrHost' || canEditShelter(user, found.stay.shelterId));
  if (!found || !allowed) throw notAllowed();
  return found.stay;
}

export function releaseBeds(db: Db, stayId: string, at: Date) {
  db.update(stayBeds).set({ releasedAt: at }).where(and(eq(stayBeds.stayId, stayId), isNull(stayBeds.releasedAt))).run();
}

const audit = (db: Db, user: StaffUser, action: string, stay: Stay, now: Date) =>
  recordAudit(db, { at: now, actorId: user.id, action, entity: 'stay', entityId: stay.id, shelterId: stay.shelterId });

export function checkIn(db: Db, user: StaffUser, stayId: string, now: Date): Stay {
  const stay = stayFor(db, user, stayId, 'host');
  if (stay.status === 'reserved' && stay.holdUntil <= now) throw new DomainError('stayExpired');
  if (stay.status !== 'reserved') throw new DomainError('stayNotReserved');
  db.update(stays).set({ status: 'checked_in', checkedInAt: now }).where(eq(stays.id, stay.id)).run();
  audit(db, user, 'stay.check_in', stay, now);
  return stay;
}

/** Ends a stay: its beds are free again at once. */
export function checkOut(db: Db, user: StaffUser, stayId: string, now: Date): Stay {
  const stay = stayFor(db, user, stayId, 'host');
  if (stay.status !== 'checked_in') throw new DomainError('stayNotCheckedIn');
  db.update(stays).set({ status: 'checked_out', checkedOutAt: now, endedAt: now }).where(eq(stays.id, stay.id)).run();
  releaseBeds(db, stay.id, now);
  db.update(arrivals).set({ status: 'left', endedAt: now }).where(eq(arrivals.id, stay.arrivalId)).run();
  audit(db, user, 'stay.check_out', stay, now);
  return stay;
}

/** Cancels a reservation; the household goes back to the waiting queue. */
export function cancelStay(db: Db, user: StaffUser, stayId: string, now: Date): Stay {
  const stay = stayFor(db, user, stayId, 'guideOrHost');
  if (stay.status !== 'reserved') throw new DomainError('stayNotReserved');
  // The link keeps working, so the arrival reads "This reservation has ended" rather than a dead link.
  db.update(stays).set({ status: 'cancelled', endedAt: now }).where(eq(stays.id, stay.id)).run();
  releaseBeds(db, stay.id, now);
  db.update(arrivals).set({ status: 'waiting' }).where(eq(arrivals.id, stay.arrivalId)).run();
  audit(db, user, 'stay.cancel', stay, now);
  return stay;
}

/**
 * Moves a household to other beds. Within the shelter the stay keeps its status; to another shelter
 * (guides only) the old stay is cancelled and a new reservation takes over the same link, so the
 * arrival's page keeps working and shows the new place.
 */
export function moveStay(db: Db, user: StaffUser, input: { stayId: string; bedIds: string[] }, now: Date): Stay {
  expireHolds(db, now);
  const stay = stayFor(db, user, input.stayId, 'guideOrHost');
  if (!isActiveStay(stay)) throw new DomainError('stayNotActive');
  const household = householdOf(db, stay.arrivalId);
  const shelter = checkBedChoice(db, household, input.bedIds, stay.id);
  const bedIds = [...new Set(input.bedIds)];
  const current = db
    .select({ bedId: stayBeds.bedId })
    .from(stayBeds)
    .where(and(eq(stayBeds.stayId, stay.id), isNull(stayBeds.releasedAt)))
    .all()
    .map((row) => row.bedId);
  if (current.length === bedIds.length && current.every((id) => bedIds.includes(id))) throw new DomainError('sameBeds', 'bedIds');
  let target = stay;
  if (shelter.id !== stay.shelterId) {
    if (!isGuide(user)) throw notAllowed();
    db.update(stays).set({ status: 'cancelled', endedAt: now, linkTokenHash: null, linkExpiresAt: null }).where(eq(stays.id, stay.id)).run();
    releaseBeds(db, stay.id, now);
    target = db
      .insert(stays)
      .values({
        arrivalId: stay.arrivalId,
        shelterId: shelter.id,
        status: 'reserved',
        holdUntil: holdUntilAt(shelter, now),
        linkTokenHash: stay.linkTokenHash,
        linkExpiresAt: stay.linkExpiresAt,
        reservedBy: user.id,
        createdAt: now,
      })
      .returning()
      .get();
  } else {
    releaseBeds(db, stay.id, now);
  }
  holdBeds(db, target.id, bedIds, now);
  audit(db, user, 'stay.move', target, now);
  return target;
}

/** Revokes the arrival's link and issues a new one, shown once to the guide. */
export function renewStayLink(db: Db, user: StaffUser, stayId: string, now: Date): { token: string; languages: string[] } {
  const stay = stayFor(db, user, stayId, 'guideOrHost');
  if (!isActiveStay(stay)) throw new DomainError('stayNotActive');
  return { token: issueLink(db, stay, user.id, now), languages: householdOf(db, stay.arrivalId).languages };
}

export function revokeStayLink(db: Db, user: StaffUser, stayId: string, now: Date): void {
  const stay = stayFor(db, user, stayId, 'guideOrHost');
  if (!stay.linkTokenHash) throw new DomainError('linkAlreadyRevoked');
  revokeLink(db, stay, user.id, now);
}
