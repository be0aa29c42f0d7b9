import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { offerRanges, offers, type OfferRow } from '@/db/schema';
import type { OfferStatus } from '@/db/schema/enums';
import { recordAudit } from '@/lib/audit';
import { DomainError } from '@/lib/errors';
import { homeLeavesActive } from '@/lib/homes/follow-offer';
import { homeFromOffer } from '@/lib/homes/make-home';
import { hashLinkToken } from '@/lib/placement/links';
import type { OfferInput } from '@/lib/validation/offer';
import { checklistOf } from './checklist';
import { checkedCity, offerValues, writeRanges } from './submit-offer';

/** Withdrawn and declined offers are over: their page shows so and takes no change. */
export const isOver = (status: OfferStatus) => status === 'withdrawn' || status === 'declined';
/** Vetted already: a change by the person sends it back to be looked at again. */
const VETTED: OfferStatus[] = ['verified', 'active'];

/** The offer behind a private link, or null: unknown and erased links alike. */
export function offerByToken(db: Db, token: string): OfferRow | null {
  if (!/^[\w-]{43}$/.test(token)) return null;
  return (
    db
      .select()
      .from(offers)
      .where(and(eq(offers.tokenHash, hashLinkToken(token)), isNull(offers.erasedAt)))
      .get() ?? null
  );
}

export const rangesOf = (db: Db, offerId: string) =>
  db
    .select({ firstNight: offerRanges.firstNight, lastNight: offerRanges.lastNight })
    .from(offerRanges)
    .where(eq(offerRanges.offerId, offerId))
    .orderBy(asc(offerRanges.position))
    .all();

function openOffer(db: Db, token: string): OfferRow {
  const offer = offerByToken(db, token);
  if (!offer) throw new DomainError('linkNotWorking');
  if (isOver(offer.status)) throw new DomainError('offerOver');
  return offer;
}

const audit = (db: Db, offer: OfferRow, action: string, now: Date) =>
  recordAudit(db, { at: now, actorId: null, actorKind: 'guest', action, entity: 'offer', entityId: offer.id });

/**
 * The person changes what they offer. A vetted offer goes back to "contacted": staff look again
 * before it is used (its ticks stay, so activating it again is one step once they agree).
 */
export function editOwnOffer(db: Db, token: string, input: OfferInput, now: Date): void {
  const offer = openOffer(db, token);
  checkedCity(db, input, now);
  const backToContacted = VETTED.includes(offer.status) || (offer.status === 'paused' && VETTED.includes(offer.pausedFrom!));
  const status = backToContacted ? (offer.status === 'paused' ? 'paused' : 'contacted') : offer.status;
  db.update(offers)
    .set({
      ...offerValues(input),
      status,
      pausedFrom: offer.status === 'paused' && backToContacted ? 'contacted' : offer.pausedFrom,
      updatedAt: now,
      ...(status !== offer.status ? { statusChangedAt: now, statusChangedBy: null } : {}),
    })
    .where(eq(offers.id, offer.id))
    .run();
  writeRanges(db, offer.id, input.ranges);
  audit(db, offer, 'offer.edit', now);
  homeLeavesActive(db, offer, status, null, now);
}

/** The person's own pause (away, guests of their own), and back to where it stood. */
export function setOwnOfferPaused(db: Db, token: string, paused: boolean, now: Date): void {
  const offer = openOffer(db, token);
  if (paused === (offer.status === 'paused')) throw new DomainError(paused ? 'offerAlreadyPaused' : 'offerNotPaused');
  // Back to active only while the checklist still holds (an item may have been added meanwhile).
  const resumed = offer.pausedFrom === 'active' && !checklistOf(db, offer.id).complete ? 'verified' : (offer.pausedFrom ?? 'new');
  const values = paused ? { status: 'paused' as const, pausedFrom: offer.status } : { status: resumed, pausedFrom: null };
  db.update(offers)
    .set({ ...values, statusChangedAt: now, statusChangedBy: null, updatedAt: now })
    .where(eq(offers.id, offer.id))
    .run();
  audit(db, offer, paused ? 'offer.pause_own' : 'offer.resume_own', now);
  // Back to active, the home takes guests again on the offer's dates; anything else keeps it from new bookings.
  if (values.status === 'active') {
    if (offer.shelterId) homeFromOffer(db, null, offer, undefined, now);
  } else homeLeavesActive(db, offer, values.status, null, now);
}

/**
 * The person withdraws the offer: it is over, its link shows only that, and its contact and note are
 * erased with the link after the network's retention period.
 */
export function withdrawOwnOffer(db: Db, token: string, now: Date): void {
  const offer = openOffer(db, token);
  db.update(offers)
    .set({ status: 'withdrawn', pausedFrom: null, statusChangedAt: now, statusChangedBy: null, endedAt: now, updatedAt: now })
    .where(eq(offers.id, offer.id))
    .run();
  audit(db, offer, 'offer.withdraw', now);
  homeLeavesActive(db, offer, 'withdrawn', null, now);
}
