import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { offers, offerTicks, vettingChecks, type OfferRow } from '@/db/schema';
import type { OfferStatus } from '@/db/schema/enums';
import { recordAudit } from '@/lib/audit';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { DomainError, notAllowed, notFound } from '@/lib/errors';
import { homeLeavesActive } from '@/lib/homes/follow-offer';
import { inviteHomeHost } from '@/lib/homes/host-invitation';
import { homeFromOffer, type HomePlace } from '@/lib/homes/make-home';
import { checklistOf } from './checklist';
import { isOver } from './own-offer';

/** An offer the caller may vet: of a city they hold, not erased. Anything else is as unknown. */
export function offerToVet(db: Db, user: StaffUser, offerId: string): OfferRow {
  if (!can(user, 'offer.vet')) throw notAllowed();
  const offer = db.select().from(offers).where(eq(offers.id, offerId)).get();
  if (!offer || offer.erasedAt || !can(user, 'offer.vet', { city: offer.cityId })) throw notFound();
  return offer;
}

/** Active needs the whole checklist, each "two people" item ticked by two different staff. */
function assertVetted(db: Db, offerId: string) {
  const checklist = checklistOf(db, offerId);
  if (checklist.items.length === 0) throw new DomainError('checklistEmpty');
  if (!checklist.complete) throw new DomainError('checklistIncomplete');
}

/**
 * A step of vetting: contacted, verified, active, paused or declined, with who and when in the
 * audit trail. Withdrawn is the person's own step, and a withdrawn or declined offer is over.
 * Active makes the offer a home (lib/homes, `home` the address learned while vetting, needed the
 * first time) and, while the home has no host, returns a one-time invitation for its person (the
 * token, for staff to pass on); any other step from active stops the home taking new bookings.
 */
export function setOfferStatus(
  db: Db,
  user: StaffUser,
  input: { offerId: string; status: Exclude<OfferStatus, 'new' | 'withdrawn'>; home?: HomePlace },
  now: Date,
): { hostToken: string | null } {
  const offer = offerToVet(db, user, input.offerId);
  if (isOver(offer.status)) throw new DomainError('offerOver');
  if (offer.status === input.status) throw new DomainError('offerAlreadyThere');
  if (input.status === 'active') assertVetted(db, offer.id);
  db.update(offers)
    .set({
      status: input.status,
      pausedFrom: input.status === 'paused' ? offer.status : null,
      statusChangedAt: now,
      statusChangedBy: user.id,
      endedAt: input.status === 'declined' ? now : null,
    })
    .where(eq(offers.id, offer.id))
    .run();
  recordAudit(db, { at: now, actorId: user.id, action: `offer.${input.status}`, entity: 'offer', entityId: offer.id });
  if (input.status !== 'active') {
    homeLeavesActive(db, offer, input.status, user.id, now);
    return { hostToken: null };
  }
  const homeId = homeFromOffer(db, user.id, offer, input.home, now);
  return { hostToken: inviteHomeHost(db, user.id, homeId, now) };
}

/** The caller ticks one item of the checklist for an offer; once per person. */
export function tickCheck(db: Db, user: StaffUser, input: { offerId: string; checkId: string }, now: Date): void {
  const offer = offerToVet(db, user, input.offerId);
  if (isOver(offer.status)) throw new DomainError('offerOver');
  if (!db.select({ id: vettingChecks.id }).from(vettingChecks).where(eq(vettingChecks.id, input.checkId)).get()) throw notFound();
  const added = db
    .insert(offerTicks)
    .values({ offerId: offer.id, checkId: input.checkId, userId: user.id, at: now })
    .onConflictDoNothing()
    .run();
  if (added.changes === 0) throw new DomainError('alreadyTicked');
  recordAudit(db, { at: now, actorId: user.id, action: 'offer.tick', entity: 'offer', entityId: offer.id });
}

/** The caller takes back their own tick; not while the offer is active, which it vouches for. */
export function untickCheck(db: Db, user: StaffUser, input: { offerId: string; checkId: string }, now: Date): void {
  const offer = offerToVet(db, user, input.offerId);
  if (isOver(offer.status)) throw new DomainError('offerOver');
  if (offer.status === 'active' || (offer.status === 'paused' && offer.pausedFrom === 'active')) throw new DomainError('untickActive');
  const removed = db
    .delete(offerTicks)
    .where(and(eq(offerTicks.offerId, offer.id), eq(offerTicks.checkId, input.checkId), eq(offerTicks.userId, user.id)))
    .run();
  if (removed.changes === 0) throw new DomainError('notTicked');
  recordAudit(db, { at: now, actorId: user.id, action: 'offer.untick', entity: 'offer', entityId: offer.id });
}
