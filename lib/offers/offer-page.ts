import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { auditEvents, offers, shelters, users } from '@/db/schema';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { listCities } from '@/lib/cities/cities';
import { checklistOf } from './checklist';
import { isOver, rangesOf } from './own-offer';

/**
 * One offer as the staff who vet it see it, or null for a caller who may not (a host, staff of
 * another city) and for an unknown id alike: its details, its checklist with who ticked what, and
 * every step so far with who took it and when (from the audit trail).
 */
export function offerPage(db: Db, user: StaffUser, offerId: string, locale: string) {
  if (!can(user, 'offer.list')) return null;
  const offer = db.select().from(offers).where(eq(offers.id, offerId)).get();
  if (!offer || !can(user, 'offer.list', { city: offer.cityId })) return null;
  const steps = db
    .select({ at: auditEvents.at, action: auditEvents.action, actorKind: auditEvents.actorKind, name: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entity, 'offer'), eq(auditEvents.entityId, offer.id)))
    .orderBy(asc(auditEvents.at))
    .all();
  const checklist = checklistOf(db, offer.id);
  const erased = offer.erasedAt !== null;
  return {
    id: offer.id,
    reference: offer.reference,
    city: listCities(db, locale).find((city) => city.id === offer.cityId)?.name ?? '—',
    kind: offer.kind,
    capacity: offer.capacity,
    guests: offer.guests,
    languages: offer.languages,
    pets: offer.pets,
    stepFree: offer.stepFree,
    longestNights: offer.longestNights,
    contact: erased ? null : offer.contact,
    note: erased ? null : offer.note,
    status: offer.status,
    erased,
    over: isOver(offer.status),
    createdAt: offer.createdAt,
    ranges: rangesOf(db, offer.id),
    checklist: {
      complete: checklist.complete,
      items: checklist.items.map((item) => ({
        id: item.id,
        label: item.label,
        ticksNeeded: item.ticksNeeded,
        done: item.done,
        by: item.by.map(({ name, at }) => ({ name, at })),
        tickedByMe: item.by.some((tick) => tick.userId === user.id),
      })),
    },
    steps: steps.map((step) => ({
      at: step.at,
      action: step.action,
      who: step.actorKind === 'staff' ? (step.name ?? '—') : null,
      kind: step.actorKind,
    })),
    mayVet: can(user, 'offer.vet', { city: offer.cityId }) && !isOver(offer.status) && !erased,
    /** The home it became (lib/homes), once made active: its page and whether it takes guests. */
    home: offer.shelterId
      ? (db.select({ id: shelters.id, status: shelters.status }).from(shelters).where(eq(shelters.id, offer.shelterId)).get() ?? null)
      : null,
  };
}

export type OfferPageView = NonNullable<ReturnType<typeof offerPage>>;
