import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { arrivals, stays } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { DomainError, notAllowed, notFound } from '@/lib/errors';
import { insertHousehold, type ArrivalWindow } from '@/lib/households/intake';
import { hashLinkToken, newLinkToken } from '@/lib/placement/links';
import { activeStayOf } from '@/lib/placement/reserve';
import { releaseBeds } from '@/lib/placement/stays';
import { mayActOnHousehold } from '@/lib/privacy/shares';
import type { PublicRequestInput } from '@/lib/validation/request';
import { readNetworkSettings } from './settings';
import { recordRequest, requestCounters, requestRefusal, type RequestRefusal } from './throttle';
import { spendStamp, stampSpent } from './used-stamps';

const DAY = 24 * 3600_000;
/** People ask before they fly as well as after they land; a week back covers someone sleeping rough. */
export const REQUEST_ARRIVAL_WINDOW: ArrivalWindow = { ahead: 3 * DAY, back: 7 * DAY, code: 'landingRange' };

/** A form already sent once: its stamp is spent (a replay, or a second press on a slow connection). */
export type SubmitRefusal = RequestRefusal | 'stampUsed';

/**
 * A request for a place from the public form, in the caller's write transaction: the stamp is
 * checked and spent, and the limits checked and counted, in the same transaction, so concurrent
 * posts can neither send one form twice nor overshoot the limits. The stamp is spent only by an
 * accepted request: after a refusal the same form can be sent again. Returns the person's own link,
 * shown once.
 */
export function submitRequest(
  db: Db,
  input: PublicRequestInput,
  client: { address: string; stamp: string; device?: string | null },
  now: Date,
): { token: string } | { refusal: SubmitRefusal } {
  if (stampSpent(db, client.stamp)) return { refusal: 'stampUsed' };
  const counted = requestCounters(client.address, client.device);
  const refusal = requestRefusal(db, counted, readNetworkSettings(db).requestsPerHour, now);
  if (refusal) return { refusal };
  const token = newLinkToken();
  const id = insertHousehold(
    db,
    input,
    { window: REQUEST_ARRIVAL_WINDOW, registeredBy: null, selfRegistered: true, requestTokenHash: hashLinkToken(token) },
    now,
  );
  recordRequest(db, counted, now);
  spendStamp(db, client.stamp, now);
  recordAudit(db, { at: now, actorId: null, actorKind: 'guest', action: 'arrival.self_register', entity: 'arrival', entityId: id });
  return { token };
}

/** The household behind a request link, or null: unknown and erased links alike. */
export function requestByToken(db: Db, token: string) {
  const arrival = db
    .select()
    .from(arrivals)
    .where(eq(arrivals.requestTokenHash, hashLinkToken(token)))
    .get();
  return arrival && !arrival.erasedAt ? arrival : null;
}

/** The household's newest stay: after a move to another shelter, the one that took over. */
export function latestStayOf(db: Db, arrivalId: string) {
  return db
    .select()
    .from(stays)
    .where(eq(stays.arrivalId, arrivalId))
    .orderBy(desc(stays.createdAt), sql`rowid desc`)
    .limit(1)
    .get();
}

/**
 * The person withdraws their own request: while waiting, or while beds are held and they have not
 * arrived (the beds are then free for someone else at once). Returns false for a link that does not work.
 */
export function cancelOwnRequest(db: Db, token: string, now: Date): boolean {
  const arrival = requestByToken(db, token);
  if (!arrival) return false;
  if (arrival.status === 'placed') {
    const stay = activeStayOf(db, arrival.id);
    if (stay?.status !== 'reserved') throw new DomainError('cannotCancel');
    db.update(stays).set({ status: 'cancelled', endedAt: now }).where(eq(stays.id, stay.id)).run();
    releaseBeds(db, stay.id, now);
    recordAudit(db, {
      at: now,
      actorId: null,
      actorKind: 'guest',
      action: 'stay.cancel',
      entity: 'stay',
      entityId: stay.id,
      shelterId: stay.shelterId,
    });
  } else if (arrival.status !== 'waiting') {
    throw new DomainError('cannotCancel');
  }
  db.update(arrivals).set({ status: 'cancelled', endedAt: now }).where(eq(arrivals.id, arrival.id)).run();
  recordAudit(db, {
    at: now,
    actorId: null,
    actorKind: 'guest',
    action: 'arrival.cancel_request',
    entity: 'arrival',
    entityId: arrival.id,
  });
  return true;
}

/** A guide takes a fake request out of the queue; it ends like any household, for retention to erase. */
export function markNotGenuine(db: Db, user: StaffUser, arrivalId: string, now: Date): void {
  if (!can(user, 'household.place')) throw notAllowed();
  const arrival = db
    .select()
    .from(arrivals)
    .where(and(eq(arrivals.id, arrivalId), eq(arrivals.selfRegistered, true)))
    .get();
  if (!arrival || !mayActOnHousehold(db, user, arrivalId)) throw notFound();
  if (arrival.status === 'placed') throw new DomainError('alreadyPlaced');
  db.update(arrivals).set({ status: 'not_genuine', endedAt: now }).where(eq(arrivals.id, arrival.id)).run();
  recordAudit(db, { at: now, actorId: user.id, action: 'arrival.not_genuine', entity: 'arrival', entityId: arrival.id });
}
