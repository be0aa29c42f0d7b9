import { asc, count, eq, max } from 'drizzle-orm';
import type { Db } from '@/db';
import { offerTicks, users, vettingChecks } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { DomainError, notAllowed, notFound } from '@/lib/errors';

/** Enough for a real checklist, few enough that every offer's page shows them all. */
export const MAX_VETTING_CHECKS = 10;

/** The network's checklist, in its order. */
export const listChecks = (db: Db) =>
  db
    .select({ id: vettingChecks.id, label: vettingChecks.label, ticksNeeded: vettingChecks.ticksNeeded })
    .from(vettingChecks)
    .orderBy(asc(vettingChecks.position))
    .all();

export function addCheck(db: Db, user: StaffUser, input: { label: string; twoPeople: boolean }, now: Date): void {
  if (!can(user, 'network.configure')) throw notAllowed();
  const { items, last } = db
    .select({ items: count(), last: max(vettingChecks.position) })
    .from(vettingChecks)
    .get()!;
  if (items >= MAX_VETTING_CHECKS) throw new DomainError('tooManyChecks', 'label', { max: MAX_VETTING_CHECKS });
  const { id } = db
    .insert(vettingChecks)
    .values({ label: input.label, ticksNeeded: input.twoPeople ? 2 : 1, position: (last ?? 0) + 1, createdAt: now })
    .returning({ id: vettingChecks.id })
    .get();
  recordAudit(db, { at: now, actorId: user.id, action: 'network.vetting_check_add', entity: 'vetting_check', entityId: id });
}

/** An item taken off the list, with its ticks: offers already active stay so, vetted as the list then stood. */
export function removeCheck(db: Db, user: StaffUser, checkId: string, now: Date): void {
  if (!can(user, 'network.configure')) throw notAllowed();
  const removed = db.delete(vettingChecks).where(eq(vettingChecks.id, checkId)).run();
  if (removed.changes === 0) throw notFound();
  recordAudit(db, { at: now, actorId: user.id, action: 'network.vetting_check_remove', entity: 'vetting_check', entityId: checkId });
}

/** Each item of the checklist for one offer: who ticked it and when, and whether enough different people did. */
export function checklistOf(db: Db, offerId: string) {
  const ticks = db
    .select({ checkId: offerTicks.checkId, userId: offerTicks.userId, name: users.name, at: offerTicks.at })
    .from(offerTicks)
    .innerJoin(users, eq(users.id, offerTicks.userId))
    .where(eq(offerTicks.offerId, offerId))
    .orderBy(asc(offerTicks.at))
    .all();
  const items = listChecks(db).map((check) => {
    const by = ticks.filter((tick) => tick.checkId === check.id).map(({ userId, name, at }) => ({ userId, name, at }));
    // One tick per person per item (the key of offer_ticks): two ticks are two different people.
    return { ...check, by, done: by.length >= check.ticksNeeded };
  });
  return { items, complete: items.length > 0 && items.every((item) => item.done) };
}
